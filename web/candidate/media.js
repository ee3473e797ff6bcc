// The page's microphone and camera: opening them (with the reason when they cannot be opened), a level meter,
// and recording one take in memory. Holds no text: app.js says what a problem means in the candidate's language.
(function () {
  'use strict';

  // MediaRecorder formats in order of preference; Safari records MP4 only.
  const AUDIO_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];
  const VIDEO_TYPES = ['video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'];
  // Small enough that five minutes of video stays far below the upload cap, large enough for a clear face.
  const VIDEO_BITS_PER_SECOND = 1000000;
  const AUDIO_BITS_PER_SECOND = 64000;
  // A peak below this (of 100) throughout a check counts as silence.
  const SILENCE_LEVEL = 3;

  // Why a device could not be opened: 'denied' (permission), 'noDevice', or 'failed' (anything else).
  function problemOf(error) {
    const name = error && error.name;
    if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') {
      return 'denied';
    }
    if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError') {
      return 'noDevice';
    }
    return 'failed';
  }

  // Opens the microphone, and the camera when wanted. A camera that cannot be opened leaves sound only, with
  // cameraProblem saying why; a microphone that cannot be opened rejects with error.problem.
  async function open(wantVideo) {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      throw Object.assign(new Error('NotSupportedError'), { problem: 'noDevice' });
    }
    let cameraProblem = null;
    if (wantVideo) {
      try {
        const stream = await navigator.mediaDevices.getUserMedia({
          audio: true, video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
        });
        return { stream, video: true, cameraProblem: null };
      } catch (error) {
        cameraProblem = problemOf(error);
      }
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      return { stream, video: false, cameraProblem };
    } catch (error) {
      throw Object.assign(new Error(error.name || 'Error'), { problem: problemOf(error) });
    }
  }

  function mimeType(video) {
    const types = video ? VIDEO_TYPES : AUDIO_TYPES;
    return types.find((type) => window.MediaRecorder && MediaRecorder.isTypeSupported(type)) || '';
  }

  function stop(stream) {
    if (stream) {
      stream.getTracks().forEach((track) => track.stop());
    }
  }

  // Calls onLevel(0..100) on every frame with the microphone's peak; stop() ends it. heardSomething() says
  // whether any frame rose above silence.
  function level(stream, onLevel) {
    const context = new (window.AudioContext || window.webkitAudioContext)();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    let loudest = 0;
    let handle = null;
    const draw = () => {
      analyser.getByteTimeDomainData(samples);
      let peak = 0;
      samples.forEach((v) => { peak = Math.max(peak, Math.abs(v - 128)); });
      const value = Math.min(100, Math.round(peak * 100 / 64));
      loudest = Math.max(loudest, value);
      onLevel(value);
      handle = requestAnimationFrame(draw);
    };
    draw();
    return {
      heardSomething: () => loudest > SILENCE_LEVEL,
      stop: () => {
        cancelAnimationFrame(handle);
        onLevel(0);
        context.close();
      },
    };
  }

  // Records the stream in memory until stop(), which resolves to the take as a Blob.
  function record(stream, video) {
    const type = mimeType(video);
    const options = video
      ? { videoBitsPerSecond: VIDEO_BITS_PER_SECOND, audioBitsPerSecond: AUDIO_BITS_PER_SECOND }
      : { audioBitsPerSecond: AUDIO_BITS_PER_SECOND };
    if (type) {
      options.mimeType = type;
    }
    const recorder = new MediaRecorder(stream, options);
    const chunks = [];
    recorder.ondataavailable = (event) => { if (event.data.size) chunks.push(event.data); };
    const stopped = new Promise((resolve) => {
      const fallback = video ? 'video/webm' : 'audio/webm';
      recorder.onstop = () => resolve(new Blob(chunks, { type: recorder.mimeType || type || fallback }));
    });
    recorder.start(1000);
    return {
      stop: () => {
        if (recorder.state !== 'inactive') {
          recorder.stop();
        }
        return stopped;
      },
    };
  }

  // Shows a live stream (self-view) or a take (playback) in a video element.
  function show(videoElement, stream) {
    videoElement.srcObject = stream;
    videoElement.hidden = !stream;
    if (stream) {
      videoElement.play().catch(() => {});
    }
  }

  // Why a plan that records video got sound only, as the answer records it.
  const FALLBACKS = { denied: 'camera_denied', noDevice: 'no_camera', failed: 'no_camera' };

  // Starts recording one take: the camera too while camera.use holds (a camera that fails turns it off and sets
  // camera.fallback), the self-view shown for video, the level drawn by onLevel. Rejects with error.problem when
  // the microphone cannot be opened. finish() stops and resolves to the take as a Blob.
  // Sound is kept from the candidate's first word to their last (speech.js), and the listener hears when speech
  // starts, when the silence countdown runs and when the take finished by itself. Video is recorded whole (the
  // browser's encoder cannot be cut without decoding it) and finishes by itself the same way. A browser without
  // AudioWorklet records whole takes and never finishes by itself.
  async function startTake(camera, selfView, onLevel, listener) {
    const speech = window.PrescreenSpeech;
    const audio = speech.newContext(); // before the first await: still within the candidate's click
    let opened;
    try {
      opened = await open(camera.use);
    } catch (error) {
      if (audio) {
        audio.close().catch(() => {});
      }
      throw error;
    }
    if (camera.use && !opened.video) {
      camera.use = false;
      camera.fallback = FALLBACKS[opened.cameraProblem];
    }
    show(selfView, opened.video ? opened.stream : null);
    let listening = null;
    if (audio) {
      listening = await speech.listen(opened.stream, { ...(listener || {}), level: onLevel }, !opened.video, audio)
        .catch(() => null);
    }
    const recording = listening && !opened.video ? null : record(opened.stream, opened.video);
    const meter = listening ? null : level(opened.stream, onLevel);
    let finished = null;
    return {
      video: opened.video,
      listens: Boolean(listening),
      finish: () => {
        if (!finished) {
          const taken = recording ? recording.stop() : listening.finish();
          finished = Promise.all([taken, recording && listening ? listening.finish() : null])
            .then(([blob]) => blob)
            .finally(() => {
              // the microphone and camera go off however the take ended
              if (meter) {
                meter.stop();
              } else {
                onLevel(0);
              }
              stop(opened.stream);
              show(selfView, null);
            });
        }
        return finished;
      },
    };
  }

  // A take to play back in the container, with the browser's own (keyboard-usable) controls.
  function playback(container, blob, label) {
    const element = document.createElement(blob.type.startsWith('video/') ? 'video' : 'audio');
    element.controls = true;
    element.src = URL.createObjectURL(blob);
    element.setAttribute('aria-label', label);
    if (element.tagName === 'VIDEO') {
      element.playsInline = true;
    }
    container.replaceChildren(element);
  }

  window.PrescreenMedia = { open, level, stop, show, startTake, playback, FALLBACKS };
}());
