// What of a spoken answer is kept: the page listens from the record button, keeps the speech (with a short pre-roll
// so the first word is whole, and a short tail), and finishes by itself after a few seconds of silence, with a
// countdown any sound cancels. Transcription is billed by the recording's length, so silence kept is money spent.
// The take is 16 kHz mono 16-bit PCM WAV: exact to the sample, and what Transcribe decodes best.
(function () {
  'use strict';

  const RULES = Object.freeze({
    sampleRate: 16000,
    frameMs: 20,
    // Kept before the first voiced frame: the onset of a word is quieter than its middle.
    preRollMs: 500,
    // Kept after the last voiced frame: a word's last consonant fades below the threshold.
    tailMs: 500,
    // Voiced frames in a row that count as speech starting (a click or a knock is shorter).
    onsetMs: 60,
    // Silence after speech before the countdown shows: a pause to think is not the end of an answer.
    silenceBeforeCountdownMs: 2000,
    // Voice heard in all before the take may finish by itself: a cough or a knock is not an answer.
    speechBeforeFinishingMs: 1000,
    countdownSeconds: 4,
    // A frame is voiced when its RMS is above both the absolute floor (about -48 dBFS) and the room's noise floor
    // times the margin (about +10 dB). The noise floor follows the quietest frames and rises only slowly.
    absoluteFloor: 0.004,
    noiseMargin: 3,
    noiseFloorRisePerFrame: 0.002,
    maxNoiseFloor: 0.05,
  });
  const frames = (ms) => Math.round(ms / RULES.frameMs);
  // How long the page waits for the audio worklet to load and the audio to start before recording without it.
  const START_TIMEOUT_MS = 4000;

  // The rate kept: 16 kHz, or the context's own when it is lower (a headset in call mode runs at 8 kHz).
  const rateFor = (inputRate) => Math.min(RULES.sampleRate, inputRate);

  // Box-filter decimation from the context's rate to the kept rate: each output sample is the mean of the input
  // samples in its span, which also keeps what is above half the kept rate from folding back.
  function downsampler(inputRate) {
    const ratio = inputRate / rateFor(inputRate);
    let position = 0;
    let sum = 0;
    let count = 0;
    return (input) => {
      const output = [];
      for (let i = 0; i < input.length; i++) {
        sum += input[i];
        count++;
        position += 1;
        if (position >= ratio) {
          output.push(sum / count);
          sum = 0;
          count = 0;
          position -= ratio;
        }
      }
      return output;
    };
  }

  // Decides, frame by frame, whether the candidate is speaking: listening → speaking ⇄ finishing → finished.
  // listener: { speech(), finishing(secondsLeft), finished(), level(0..100) }, each optional.
  function detector(listener) {
    const state = {
      phase: 'listening', frame: 0, run: 0, onset: -1, lastVoiced: -1, voiced: 0, floor: -1, countdownFrom: -1,
    };
    const call = (name, ...args) => { if (listener[name]) listener[name](...args); };
    return {
      state,
      frame(samples) {
        let energy = 0;
        let peak = 0;
        samples.forEach((v) => { energy += v * v; peak = Math.max(peak, Math.abs(v)); });
        const rms = Math.sqrt(energy / samples.length);
        state.floor = state.floor < 0 || rms < state.floor ? rms
          : Math.min(RULES.maxNoiseFloor, state.floor + (rms - state.floor) * RULES.noiseFloorRisePerFrame);
        const voiced = rms > Math.max(RULES.absoluteFloor, state.floor * RULES.noiseMargin);
        state.run = voiced ? state.run + 1 : 0;
        call('level', Math.min(100, Math.round(peak * 200)));
        if (voiced && state.phase !== 'listening') {
          state.lastVoiced = state.frame;
          state.voiced++;
        }
        if (state.phase === 'listening' && state.run >= frames(RULES.onsetMs)) {
          state.phase = 'speaking';
          state.onset = state.frame - state.run + 1;
          state.lastVoiced = state.frame;
          state.voiced = state.run;
          call('speech');
        } else if (state.phase === 'finishing' && voiced) {
          state.phase = 'speaking';
          call('speech');
        } else if (state.phase === 'speaking' && state.voiced >= frames(RULES.speechBeforeFinishingMs)
            && state.frame - state.lastVoiced >= frames(RULES.silenceBeforeCountdownMs)) {
          state.phase = 'finishing';
          state.countdownFrom = state.frame;
          call('finishing', RULES.countdownSeconds);
        } else if (state.phase === 'finishing') {
          const elapsed = (state.frame - state.countdownFrom) * RULES.frameMs;
          const left = RULES.countdownSeconds - Math.floor(elapsed / 1000);
          if (left <= 0) {
            state.phase = 'finished';
            call('finished');
          } else if (elapsed % 1000 === 0) {
            call('finishing', left);
          }
        }
        state.frame++;
      },
    };
  }

  // The frames kept: from the pre-roll before the onset to the tail after the last voiced frame. A take in which no
  // speech was heard is kept whole: a voice too quiet for the detector is still an answer, and never lost.
  function kept(state, total) {
    if (state.onset < 0) {
      return { from: 0, to: total };
    }
    return {
      from: Math.max(0, state.onset - frames(RULES.preRollMs)),
      to: Math.min(total, state.lastVoiced + 1 + frames(RULES.tailMs)),
    };
  }

  // 16-bit PCM WAV of the chunks kept, written straight into one buffer (a 15-minute take is about 29 MB).
  function wav(chunks, rate) {
    const count = chunks.reduce((total, chunk) => total + chunk.length, 0);
    const view = new DataView(new ArrayBuffer(44 + count * 2));
    const ascii = (offset, text) => [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
    ascii(0, 'RIFF');
    view.setUint32(4, 36 + count * 2, true);
    ascii(8, 'WAVE');
    ascii(12, 'fmt ');
    view.setUint32(16, 16, true);
    view.setUint16(20, 1, true); // PCM
    view.setUint16(22, 1, true); // mono
    view.setUint32(24, rate, true);
    view.setUint32(28, rate * 2, true);
    view.setUint16(32, 2, true);
    view.setUint16(34, 16, true);
    ascii(36, 'data');
    view.setUint32(40, count * 2, true);
    let offset = 44;
    chunks.forEach((chunk) => chunk.forEach((v) => {
      const clipped = Math.max(-1, Math.min(1, v));
      view.setInt16(offset, clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff, true);
      offset += 2;
    }));
    return new Blob([view.buffer], { type: 'audio/wav' });
  }

  // A promise that rejects after the timeout, so that a worklet that never loads falls back instead of hanging.
  function within(promise, ms) {
    return Promise.race([promise, new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error('TimeoutError')), ms);
    })]);
  }

  function supported() {
    return Boolean(window.AudioContext && window.AudioWorkletNode);
  }

  // An AudioContext for a take, made while the click that starts it is still being handled; null without support.
  function newContext() {
    return supported() ? new AudioContext() : null;
  }

  // Listens to the stream. finish() resolves to the kept speech as a WAV Blob (null unless keepAudio); the listener
  // hears of speech, the countdown and the automatic finish. Rejects when the worklet does not load or start.
  // context: an AudioContext made in the click's own turn (Safari starts one only within a user gesture).
  async function listen(stream, listener, keepAudio, context) {
    let source;
    let tap;
    try {
      await within(context.audioWorklet.addModule('pcm-worklet.js'), START_TIMEOUT_MS);
      await within(context.resume(), START_TIMEOUT_MS);
      source = context.createMediaStreamSource(stream);
      tap = new AudioWorkletNode(context, 'pcm-tap');
      const mute = context.createGain();
      mute.gain.value = 0;
      source.connect(tap).connect(mute).connect(context.destination);
    } catch (error) {
      context.close().catch(() => {});
      throw error;
    }
    const rate = rateFor(context.sampleRate);
    const frameSamples = rate * RULES.frameMs / 1000;
    const toKeptRate = downsampler(context.sampleRate);
    const decide = detector(listener);
    const chunks = [];
    let pending = [];
    tap.port.onmessage = (event) => {
      pending = pending.concat(toKeptRate(event.data));
      while (pending.length >= frameSamples) {
        const frame = pending.slice(0, frameSamples);
        pending = pending.slice(frameSamples);
        if (keepAudio) {
          chunks.push(Float32Array.from(frame));
        }
        decide.frame(frame);
      }
    };
    let finished = null;
    return {
      finish() {
        if (!finished) {
          tap.port.onmessage = null;
          source.disconnect();
          finished = context.close().catch(() => {}).then(() => {
            const range = kept(decide.state, chunks.length);
            return keepAudio ? wav(chunks.slice(range.from, range.to), rate) : null;
          });
        }
        return finished;
      },
    };
  }

  window.PrescreenSpeech = { newContext, listen };
}());
