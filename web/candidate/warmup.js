// Before the first question: a device check (microphone level, and camera preview for video, with a clear
// message for a denied permission, no device, or silence), then an unscored practice question answered and played
// back as often as the candidate likes. Nothing of either is uploaded or kept: the takes stay in the page.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const { t } = window.PrescreenI18n;
  const media = window.PrescreenMedia;
  // How long the check listens before it says whether it heard anything.
  const CHECK_SECONDS = 3;

  // page: { session, camera: { use, fallback }, show(panel), done() } — done() moves on to the first question.
  function run(page) {
    const video = page.session.capture === 'video';
    $('check-heading').textContent = video ? t('check.headingVideo') : t('check.heading');
    $('check-button').textContent = video ? t('check.startVideo') : t('check.start');
    $('audio-only-button').hidden = !video || !page.camera.use;
    $('check-status').textContent = '';
    $('check-status').dataset.result = '';
    $('check-camera').textContent = '';
    $('check-button').onclick = () => testDevices(page);
    $('audio-only-button').onclick = () => {
      page.camera.use = false;
      page.camera.fallback = 'declined';
      $('audio-only-button').hidden = true;
      media.show($('check-preview'), null);
      $('check-camera').textContent = t('check.audioOnlyChosen');
    };
    $('check-continue').onclick = () => practice(page);
    page.show('check');
  }

  async function testDevices(page) {
    $('check-button').disabled = true;
    let opened;
    try {
      opened = await media.open(page.camera.use);
    } catch (error) {
      $('check-status').textContent = error.problem === 'denied' ? t('check.denied')
        : error.problem === 'noDevice' ? t('check.noDevice') : t('check.failed', { error: error.message });
      // what the check found, for the browser test (the text is the candidate's)
      $('check-status').dataset.result = error.problem;
      $('check-button').disabled = false;
      return;
    }
    if (page.camera.use && opened.video) {
      $('check-camera').textContent = t('check.cameraOk');
      media.show($('check-preview'), opened.stream);
    } else if (page.camera.use) {
      page.camera.use = false;
      page.camera.fallback = media.FALLBACKS[opened.cameraProblem];
      $('check-camera').textContent = opened.cameraProblem === 'denied' ? t('check.cameraDenied') : t('check.noCamera');
      $('audio-only-button').hidden = true;
    }
    $('check-status').textContent = t('check.listening');
    $('check-status').dataset.result = 'listening';
    const meter = media.level(opened.stream, (value) => { $('check-level').value = value; });
    setTimeout(() => {
      const heard = meter.heardSomething();
      $('check-status').textContent = heard ? t('check.heard') : t('check.silent');
      $('check-status').dataset.result = heard ? 'heard' : 'silent';
      meter.stop();
      media.stop(opened.stream);
      media.show($('check-preview'), null);
      $('check-button').disabled = false;
    }, CHECK_SECONDS * 1000);
  }

  function practice(page) {
    let take = null;
    $('practice-status').textContent = '';
    $('practice-playback').replaceChildren();
    // the practice has no level bar: the playback shows whether it was heard
    const level = () => {};
    $('practice-record').onclick = async () => {
      take = await window.PrescreenVoice.beginTake(page.camera, {
        record: $('practice-record'), stop: $('practice-stop'), status: $('practice-status'),
        selfView: $('practice-self-view'), countdown: $('practice-countdown'), level,
      });
    };
    $('practice-stop').onclick = async () => {
      $('practice-stop').disabled = true;
      media.playback($('practice-playback'), await take.finish(), t('practice.playbackLabel'));
      $('practice-status').textContent = t('practice.recorded');
      $('practice-record').disabled = false;
      $('practice-record').focus();
    };
    $('practice-finish').onclick = async () => {
      if (take) {
        await take.finish();
        take = null;
      }
      $('practice-playback').replaceChildren();
      page.done();
    };
    page.show('practice');
  }

  window.PrescreenWarmup = { run };
}());
