// Answering by voice (or on video): record a take, play it back and record again within the plan's retakes, then
// upload it by the presigned URL and send it. Only the sent take leaves the page.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const { t, number } = window.PrescreenI18n;
  const media = window.PrescreenMedia;
  const UPLOAD_ATTEMPTS = 3;

  // Starts a take from its record button (the question's or the practice's): the button off, stop on and focused,
  // the status saying what is recorded; null, with the reason in the status, when there is no microphone. The take
  // listens first and keeps the candidate's speech; after a silence it counts down in controls.countdown (announced
  // once in the status) and then presses stop itself, so the take ends the same way as by the button.
  async function beginTake(camera, controls) {
    let take;
    const recordingText = () => (take && take.video ? t('voice.recordingVideo') : t('voice.recording'));
    const countdown = controls.countdown;
    const listener = {
      speech: () => {
        controls.status.textContent = recordingText();
        countdown.hidden = true;
      },
      finishing: (seconds) => {
        if (countdown.hidden) {
          controls.status.textContent = t('voice.finishingAnnounce');
        }
        countdown.textContent = t('voice.finishing', { seconds: number(seconds) });
        countdown.hidden = false;
      },
      finished: () => {
        countdown.hidden = true;
        if (!controls.stop.disabled) {
          controls.stop.click();
        }
      },
    };
    try {
      take = await media.startTake(camera, controls.selfView, controls.level, listener);
    } catch (error) {
      controls.status.textContent = t('voice.noMicrophone', { error: error.message });
      return null;
    }
    // sound waits for the first word; video records from the button, and says so
    controls.status.textContent = take.listens && !take.video ? t('voice.listening') : recordingText();
    controls.record.disabled = true;
    controls.stop.disabled = false;
    controls.stop.focus();
    const finish = take.finish;
    take.finish = () => {
      countdown.hidden = true;
      return finish();
    };
    return take;
  }

  // page: { call, render, explain, camera, integrity, session(), step(), nextTake(take) }
  function attach(page) {
    let take = null;
    let recorded = null;

    // Ready to record: no take in hand. A take still running (the candidate typed their answer instead) is ended
    // and dropped, so the microphone goes off and its countdown cannot press the next question's stop.
    function recordState() {
      if (take) {
        take.finish().catch(() => {});
      }
      take = null;
      recorded = null;
      $('review').hidden = true;
      $('playback').replaceChildren();
      $('record-button').hidden = false;
      $('record-button').disabled = false;
      $('stop-button').hidden = false;
      $('stop-button').disabled = true;
      $('stop-button').textContent = reviewsTakes() ? t('voice.stopReview') : t('voice.stop');
    }

    // With retakes allowed, a take is played back before it is sent; without, stopping sends it.
    function reviewsTakes() {
      return page.step() && page.step().takesAllowed > 1;
    }

    $('record-button').onclick = async () => {
      $('record-button').disabled = true; // one take at a time, even on a double click
      take = await beginTake(page.camera, {
        record: $('record-button'), stop: $('stop-button'), status: $('record-status'), selfView: $('self-view'),
        countdown: $('countdown'), level: (value) => { $('level').style.width = value + '%'; },
      });
      if (!take) {
        $('record-button').disabled = false;
        $('typed').open = true;
      }
    };

    $('stop-button').onclick = async () => {
      $('stop-button').disabled = true;
      recorded = await take.finish();
      if (!reviewsTakes()) {
        await sendRecording(recorded);
        return;
      }
      media.playback($('playback'), recorded, t('voice.playbackLabel'));
      $('record-button').hidden = true;
      $('stop-button').hidden = true;
      $('review').hidden = false;
      const current = page.step();
      const last = current.take >= current.takesAllowed;
      const takes = { take: number(current.take), takes: number(current.takesAllowed) };
      $('retake-button').hidden = last;
      $('record-status').textContent = last ? t('voice.noTakesLeft', takes) : t('voice.takesLeft', takes);
      $('send-button').focus();
    };

    $('send-button').onclick = () => sendRecording(recorded);

    $('retake-button').onclick = async () => {
      try {
        const taken = await page.call('POST', '/answers/' + encodeURIComponent(page.step().answerId) + '/retake');
        page.nextTake(taken.take);
        recordState();
        $('record-status').textContent = '';
        $('record-button').focus();
      } catch (error) {
        if (error.status === 409) {
          $('retake-button').hidden = true;
          $('record-status').textContent = t('voice.noTakesLeft',
            { take: number(page.step().take), takes: number(page.step().takesAllowed) });
        } else {
          page.explain(error);
        }
      }
    };

    // The page's integrity totals for the answer, sent before the answer itself (never blocking it).
    async function reportIntegrity(answerId) {
      if (!page.session().integritySignals) {
        return;
      }
      await page.call('PUT', '/answers/' + encodeURIComponent(answerId) + '/integrity', page.integrity.totals())
        .catch(() => {});
    }

    async function sendRecording(blob) {
      const contentType = blob.type.split(';')[0] || 'audio/webm';
      const answerId = page.step().answerId;
      $('send-button').disabled = true;
      await reportIntegrity(answerId);
      try {
        for (let attempt = 1; attempt <= UPLOAD_ATTEMPTS; attempt++) {
          try {
            $('record-status').textContent = attempt === 1 ? t('voice.uploading')
              : t('voice.uploadingAgain', { attempt: number(attempt) });
            const request = { contentType, contentLength: blob.size };
            if (page.session().capture === 'video' && contentType.startsWith('audio/')) {
              request.videoFallback = page.camera.fallback || 'no_camera';
            }
            const ticket = await page.call('POST', '/answers/' + encodeURIComponent(answerId) + '/upload-url',
              request);
            const put = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: blob });
            if (!put.ok) {
              throw new Error(t('error.uploadFailed', { status: put.status }));
            }
            page.render(await page.call('POST', '/answers/' + encodeURIComponent(answerId), { mode: 'recording' }));
            return;
          } catch (error) {
            const refusedFields = ['contentLength', 'contentType'];
            if (error.status === 400 && refusedFields.some((field) => error.fields.includes(field))) {
              refused(error, contentType);
              return;
            }
            if (error.status && error.status < 500 && error.status !== 409) {
              page.explain(error);
              return;
            }
            await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
          }
        }
        $('record-status').textContent = t('voice.uploadFailed');
        recordState();
      } finally {
        $('send-button').disabled = false;
      }
    }

    // The upload cap for a recording of this type: video's for video, sound's otherwise.
    function limit(contentType) {
      const limits = page.session().recordingLimits;
      return contentType.startsWith('video/') && limits.video ? limits.video : limits.audio;
    }

    // A recording the upload refuses (too large, or of a type not accepted): say why; record again or type.
    function refused(error, contentType) {
      recordState();
      $('record-status').textContent = error.fields.includes('contentLength')
        ? t('voice.tooLarge', { megabytes: number(Math.floor(limit(contentType) / (1024 * 1024))) })
        : t('voice.unsupported', { type: contentType });
      $('typed').open = true;
    }

    return { reset: recordState, reportIntegrity };
  }

  window.PrescreenVoice = { attach, beginTake };
}());
