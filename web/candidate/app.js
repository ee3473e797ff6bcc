// The candidate's interview page: plain JS against the session API. The token lives in the URL
// fragment (#...), which browsers never send to servers or in referrers.
(function () {
  'use strict';

  const token = decodeURIComponent(location.hash.replace(/^#/, ''));
  const $ = (id) => document.getElementById(id);
  const panels = ['loading', 'problem', 'notice', 'question', 'processing', 'done'];
  const UPLOAD_ATTEMPTS = 3;
  // The interview languages the product supports (dev.prescreen.domain.Languages.SUPPORTED); each has a
  // catalogue i18n/<code>.json with the same keys (CandidatePageCataloguesTest checks both).
  const LANGUAGES = ['en-US', 'es-ES', 'fr-FR', 'de-DE', 'pt-BR', 'it-IT', 'nl-NL', 'pl-PL', 'sv-SE'];
  const FALLBACK = 'en-US';
  const catalogues = {};
  let language = FALLBACK;
  let messages = {};
  let fallbackMessages = {};
  // The page's own English text (index.html), the last resort should even en-US fail to load.
  const pageEnglish = {};
  document.querySelectorAll('[data-i18n]').forEach((element) => {
    pageEnglish[element.getAttribute('data-i18n')] = element.textContent.trim();
  });
  document.querySelectorAll('[data-i18n-aria-label]').forEach((element) => {
    pageEnglish[element.getAttribute('data-i18n-aria-label')] = element.getAttribute('aria-label');
  });
  let apiBase = location.origin;
  let step = null;
  let timerHandle = null;
  let recorder = null;
  let meterHandle = null;
  let audioContext = null;

  // The supported language closest to the requested codes, in their order: the same code, else the same
  // primary language (de-AT -> de-DE), else en-US.
  function bestLanguage(requested) {
    for (const code of requested) {
      if (typeof code !== 'string' || !code) {
        continue;
      }
      const exact = LANGUAGES.find((l) => l.toLowerCase() === code.toLowerCase());
      if (exact) {
        return exact;
      }
      const primary = code.split(/[-_]/)[0].toLowerCase();
      const sameLanguage = LANGUAGES.find((l) => l.split('-')[0].toLowerCase() === primary);
      if (sameLanguage) {
        return sameLanguage;
      }
    }
    return FALLBACK;
  }

  function browserLanguages() {
    return navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  }

  async function catalogue(code) {
    if (!catalogues[code]) {
      catalogues[code] = fetch('i18n/' + code + '.json')
        .then((r) => (r.ok ? r.json() : {}))
        .catch(() => ({}));
    }
    return catalogues[code];
  }

  // The message of a key in the language in use, {name} placeholders replaced; a key the catalogue lacks
  // falls back to en-US.
  function t(key, params) {
    let text = messages[key];
    if (typeof text !== 'string') {
      text = fallbackMessages[key];
    }
    if (typeof text !== 'string') {
      text = typeof pageEnglish[key] === 'string' ? pageEnglish[key] : key;
    }
    return text.replace(/\{(\w+)\}/g, (match, name) => (params && Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match));
  }

  function number(value) {
    return new Intl.NumberFormat(language).format(value);
  }

  // Switches the page to a language: its catalogue, <html lang>, the title and every data-i18n element.
  async function useLanguage(requested) {
    const code = bestLanguage([requested]);
    try {
      const [fallback, wanted] = await Promise.all([catalogue(FALLBACK), catalogue(code)]);
      fallbackMessages = fallback;
      messages = wanted;
      language = Object.keys(wanted).length ? code : FALLBACK;
      document.documentElement.lang = language;
      document.querySelectorAll('[data-i18n]').forEach((element) => {
        element.textContent = t(element.getAttribute('data-i18n'));
      });
      document.querySelectorAll('[data-i18n-aria-label]').forEach((element) => {
        element.setAttribute('aria-label', t(element.getAttribute('data-i18n-aria-label')));
      });
      document.querySelectorAll('[data-i18n-placeholder]').forEach((element) => {
        element.setAttribute('placeholder', t(element.getAttribute('data-i18n-placeholder')));
      });
      document.title = t('page.title');
    } finally {
      document.documentElement.classList.remove('i18n-pending');
    }
  }

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
      const error = new Error(data.detail || data.title || t('error.http', { status: response.status }));
      error.status = response.status;
      throw error;
    }
    return data;
  }

  function explain(error) {
    if (error.status === 404) {
      problem(t('problem.notFound.title'), t('problem.notFound.text'));
    } else if (error.status === 410) {
      problem(t('problem.expired.title'), t('problem.expired.text'));
    } else {
      problem(t('problem.generic.title'), t('problem.generic.text', { detail: error.message }));
    }
  }

  function progress(answered, total) {
    $('progress-text').textContent = total
      ? t('progress.text', { answered: number(answered), total: number(total) }) : '';
    $('progress-bar').style.width = total ? (100 * answered / total) + '%' : '0';
  }

  async function start() {
    // Until the session says which language the interview is in (and when it cannot be loaded), the page
    // speaks the candidate's browser language.
    await useLanguage(bestLanguage(browserLanguages()));
    if (!token) {
      problem(t('problem.incomplete.title'), t('problem.incomplete.text'));
      return;
    }
    try {
      const config = await fetch('config.json').then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
      if (config.apiUrl) {
        apiBase = config.apiUrl.replace(/\/$/, '');
      }
      const session = await call('GET', '');
      if (session.language) {
        await useLanguage(session.language);
      }
      $('title').textContent = t('page.titleWithRole', { role: session.roleTitle });
      document.title = $('title').textContent;
      progress(session.answered, session.questionCount);
      if (!session.consented) {
        $('notice-text').textContent = session.notice.text;
        $('notice-facts').textContent = t('notice.facts', {
          count: number(session.questionCount),
          seconds: number(session.answerSeconds),
          minutes: number(session.slotMinutes),
          expires: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })
            .format(new Date(session.expiresAt)),
        });
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
      ? t('question.followUp', { position: number(current.position) })
      : t('question.label', { position: number(current.position), count: number(current.questionCount) });
    $('question-text').textContent = current.text;
    $('typed-text').value = '';
    $('record-status').textContent = '';
    $('record-button').disabled = false;
    $('stop-button').disabled = true;
    show('question');
    $('question-text').focus();
    const deadline = new Date(current.deadline).getTime();
    const minutes = new Intl.NumberFormat(language);
    const seconds = new Intl.NumberFormat(language, { minimumIntegerDigits: 2 });
    const tick = () => {
      const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      $('timer').textContent = left > 0
        ? t('timer.left', { time: minutes.format(Math.floor(left / 60)) + ':' + seconds.format(left % 60) })
        : t('timer.up');
      $('timer').classList.toggle('low', left <= 15);
    };
    tick();
    timerHandle = setInterval(tick, 1000);
  }

  // The voices the browser has: some load them late and announce it with voiceschanged.
  let voices = [];
  if ('speechSynthesis' in window) {
    const loadVoices = () => { voices = window.speechSynthesis.getVoices() || []; };
    loadVoices();
    window.speechSynthesis.addEventListener('voiceschanged', loadVoices);
  }

  // A voice for the interview language: the same code (de-DE), else the same primary language (de-AT).
  function voiceFor(code) {
    const lower = code.toLowerCase();
    const normalised = (voice) => String(voice.lang || '').replace('_', '-').toLowerCase();
    const primary = lower.split('-')[0];
    return voices.find((voice) => normalised(voice) === lower)
      || voices.find((voice) => normalised(voice).split('-')[0] === primary)
      || null;
  }

  $('speak-button').onclick = () => {
    if (!('speechSynthesis' in window) || !step) {
      return;
    }
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(step.text);
    utterance.lang = language;
    const voice = voiceFor(language);
    if (voice) {
      utterance.voice = voice;
    }
    window.speechSynthesis.speak(utterance);
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
      $('record-status').textContent = t('voice.noMicrophone', { error: error.name });
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
    $('record-status').textContent = t('voice.recording');
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
        $('record-status').textContent = attempt === 1 ? t('voice.uploading')
          : t('voice.uploadingAgain', { attempt: number(attempt) });
        const ticket = await call('POST', '/answers/' + encodeURIComponent(answerId) + '/upload-url',
          { contentType, contentLength: blob.size });
        const put = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: blob });
        if (!put.ok) {
          throw new Error(t('error.uploadFailed', { status: put.status }));
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
    $('record-status').textContent = t('voice.uploadFailed');
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
    if (!window.confirm(t('finish.confirm'))) {
      return;
    }
    try {
      await call('POST', '/finish');
      show('done');
    } catch (error) { explain(error); }
  };

  // Hides the English fallback text until the first catalogue is applied (style.css), so a candidate does
  // not see the page change language while it loads.
  document.documentElement.classList.add('i18n-pending');
  start();
}());
