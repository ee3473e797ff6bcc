// The candidate's interview page: plain JS against the session API. The token lives in the URL
// fragment (#...), which browsers never send to servers or in referrers.
(function () {
  'use strict';

  const token = decodeURIComponent(location.hash.replace(/^#/, ''));
  const $ = (id) => document.getElementById(id);
  const panels = ['loading', 'problem', 'notice', 'question', 'processing', 'done'];
  const UPLOAD_ATTEMPTS = 3;
  let apiBase = location.origin;
  let step = null;
  let timerHandle = null;
  let recorder = null;
  let meterHandle = null;
  let audioContext = null;

  function show(panel) {
    panels.forEach((name) => { $(name).hidden = name !== panel; });
    $('finish-button').hidden = !(panel === 'question' || panel === 'processing');
  }

  function problem(title, text) {
    $('problem-title').textContent = title;
    $('problem-text').textContent = text;
    show('problem');
  }

  async function call(method, path, body) {
    const response = await fetch(apiBase + '/sessions/' + encodeURIComponent(token) + path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(data.detail || data.title || ('HTTP ' + response.status));
      error.status = response.status;
      throw error;
    }
    return data;
  }

  function explain(error) {
    if (error.status === 404) {
      problem('Link not found', 'This interview link is not valid. Please use the link from your invitation email.');
    } else if (error.status === 410) {
      problem('Link expired', 'This interview link has expired. Please contact the hiring team if you still want to take part.');
    } else {
      problem('Something went wrong', error.message + ' — reload the page to continue where you left off.');
    }
  }

  function progress(answered, total) {
    $('progress-text').textContent = total ? ('Answered ' + answered + ' of ' + total + ' questions') : '';
    $('progress-bar').style.width = total ? (100 * answered / total) + '%' : '0';
  }

  async function start() {
    if (!token) {
      problem('Link incomplete', 'Open the interview from the link in your invitation email.');
      return;
    }
    try {
      const config = await fetch('config.json').then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
      if (config.apiUrl) {
        apiBase = config.apiUrl.replace(/\/$/, '');
      }
      const session = await call('GET', '');
      $('title').textContent = 'Screening interview: ' + session.roleTitle;
      progress(session.answered, session.questionCount);
      if (!session.consented) {
        $('notice-text').textContent = session.notice.text;
        $('notice-facts').textContent = session.questionCount + ' questions · up to ' + session.answerSeconds
          + ' s per answer · about ' + session.slotMinutes + ' minutes · link valid until '
          + new Date(session.expiresAt).toLocaleString();
        $('consent-box').onchange = () => { $('consent-button').disabled = !$('consent-box').checked; };
        $('consent-button').onclick = async () => {
          $('consent-button').disabled = true;
          try {
            await call('POST', '/consent', { noticeVersion: session.notice.version });
            await next();
          } catch (error) { explain(error); }
        };
        show('notice');
        return;
      }
      await next();
    } catch (error) { explain(error); }
  }

  async function next() {
    try {
      render(await call('GET', '/question'));
    } catch (error) { explain(error); }
  }

  function render(current) {
    step = current;
    progress(current.answered, current.questionCount);
    clearInterval(timerHandle);
    if (current.status === 'done') {
      show('done');
      return;
    }
    if (current.status === 'processing') {
      show('processing');
      setTimeout(next, (current.retryAfterSeconds || 2) * 1000);
      return;
    }
    $('question-label').textContent = current.kind === 'follow_up'
      ? 'Follow-up to question ' + current.position
      : 'Question ' + current.position + ' of ' + current.questionCount;
    $('question-text').textContent = current.text;
    $('typed-text').value = '';
    $('record-status').textContent = '';
    $('record-button').disabled = false;
    $('stop-button').disabled = true;
    show('question');
    $('question-text').focus();
    const deadline = new Date(current.deadline).getTime();
    const tick = () => {
      const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      $('timer').textContent = left > 0 ? (Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0') + ' left')
        : 'Time is up — please finish your answer';
      $('timer').classList.toggle('low', left <= 15);
    };
    tick();
    timerHandle = setInterval(tick, 1000);
  }

  $('speak-button').onclick = () => {
    if (!('speechSynthesis' in window) || !step) {
      return;
    }
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(step.text));
  };

  function preferredType() {
    const types = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];
    return types.find((t) => window.MediaRecorder && MediaRecorder.isTypeSupported(t)) || '';
  }

  $('record-button').onclick = async () => {
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      $('record-status').textContent = 'No microphone available (' + error.name + '). You can type your answer instead.';
      $('typed').open = true;
      return;
    }
    const chunks = [];
    recorder = new MediaRecorder(stream, preferredType() ? { mimeType: preferredType() } : {});
    recorder.ondataavailable = (event) => { if (event.data.size) chunks.push(event.data); };
    recorder.onstop = async () => {
      stream.getTracks().forEach((track) => track.stop());
      stopMeter();
      const blob = new Blob(chunks, { type: recorder.mimeType || 'audio/webm' });
      await sendRecording(blob);
    };
    recorder.start(1000);
    startMeter(stream);
    $('record-button').disabled = true;
    $('stop-button').disabled = false;
    $('record-status').textContent = 'Recording…';
  };

  $('stop-button').onclick = () => {
    $('stop-button').disabled = true;
    if (recorder && recorder.state !== 'inactive') {
      recorder.stop();
    }
  };

  function startMeter(stream) {
    audioContext = new (window.AudioContext || window.webkitAudioContext)();
    const analyser = audioContext.createAnalyser();
    analyser.fftSize = 512;
    audioContext.createMediaStreamSource(stream).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    const draw = () => {
      analyser.getByteTimeDomainData(samples);
      let peak = 0;
      samples.forEach((v) => { peak = Math.max(peak, Math.abs(v - 128)); });
      $('level').style.width = Math.min(100, peak * 100 / 64) + '%';
      meterHandle = requestAnimationFrame(draw);
    };
    draw();
  }

  function stopMeter() {
    cancelAnimationFrame(meterHandle);
    $('level').style.width = '0';
    if (audioContext) {
      audioContext.close();
      audioContext = null;
    }
  }

  async function sendRecording(blob) {
    const contentType = blob.type.split(';')[0] || 'audio/webm';
    const answerId = step.answerId;
    for (let attempt = 1; attempt <= UPLOAD_ATTEMPTS; attempt++) {
      try {
        $('record-status').textContent = attempt === 1 ? 'Uploading…' : 'Uploading again (attempt ' + attempt + ')…';
        const ticket = await call('POST', '/answers/' + encodeURIComponent(answerId) + '/upload-url',
          { contentType, contentLength: blob.size });
        const put = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: blob });
        if (!put.ok) {
          throw new Error('upload failed with HTTP ' + put.status);
        }
        render(await call('POST', '/answers/' + encodeURIComponent(answerId), { mode: 'recording' }));
        return;
      } catch (error) {
        if (error.status && error.status < 500 && error.status !== 409) {
          explain(error);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
    $('record-status').textContent = 'The upload did not go through. Check your connection and record again, or type your answer.';
    $('record-button').disabled = false;
  }

  $('typed-button').onclick = async () => {
    const text = $('typed-text').value.trim();
    if (!text) {
      $('typed-text').focus();
      return;
    }
    $('typed-button').disabled = true;
    try {
      render(await call('POST', '/answers/' + encodeURIComponent(step.answerId), { mode: 'typed', text }));
    } catch (error) {
      explain(error);
    } finally {
      $('typed-button').disabled = false;
    }
  };

  $('finish-button').onclick = async () => {
    if (!window.confirm('End the interview now? Questions you have not answered will count as unanswered.')) {
      return;
    }
    try {
      await call('POST', '/finish');
      show('done');
    } catch (error) { explain(error); }
  };

  start();
}());
