// The candidate's interview page: plain JS against the session API. The token lives in the URL
// fragment (#...), which browsers never send to servers or in referrers.
(function () {
  'use strict';

  const token = decodeURIComponent(location.hash.replace(/^#/, ''));
  const $ = (id) => document.getElementById(id);
  const panels = ['loading', 'problem', 'notice', 'check', 'practice', 'question', 'processing', 'done'];
  // Where each panel puts the keyboard focus when it appears, so a screen reader starts reading there.
  const FOCUS = {
    problem: 'problem-title', notice: 'notice-heading', check: 'check-heading', practice: 'practice-heading',
    question: 'question-text', done: 'done-heading',
  };
  const media = window.PrescreenMedia;
  let apiBase = location.origin;
  let step = null;
  let timerHandle = null;
  let session = null;
  // For a plan that records video: whether the camera is used, and if not, why (the answer records the reason).
  const camera = { use: false, fallback: null };
  const i18n = window.PrescreenI18n;
  const { t, number, useLanguage, bestLanguage, browserLanguages } = i18n;
  const integrity = window.PrescreenIntegrity.tracker($('typed-text'));
  // Spoken answers: recording, playback and retakes, upload (voice.js).
  const voice = window.PrescreenVoice.attach({
    call, render, explain, camera, integrity,
    session: () => session,
    step: () => step,
    nextTake: (take) => { step = { ...step, take }; },
  });
  // The candidate's rights: an alternative or an accommodation, the self-identification, the explanation (rights.js).
  const rights = window.PrescreenRights.attach({
    call, explain, token,
    session: () => session,
    explanationUrl: () => apiBase + '/sessions/' + encodeURIComponent(token) + '/explanation',
  });

  function show(panel) {
    panels.forEach((name) => { $(name).hidden = name !== panel; });
    $('finish-button').hidden = !(panel === 'question' || panel === 'processing');
    if (FOCUS[panel]) {
      $(FOCUS[panel]).focus();
    }
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
    const data = response.status === 204 ? {} : await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(data.detail || data.title || t('error.http', { status: response.status }));
      error.status = response.status;
      error.fields = (data.errors || []).map((e) => e.field);
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

  // The link's expiry in the candidate's own time zone (the browser's) and in the plan's.
  function expiry(expiresAt, planZone) {
    const when = new Date(expiresAt);
    const style = { dateStyle: 'full', timeStyle: 'short' };
    const local = new Intl.DateTimeFormat(i18n.language(), style);
    const localZone = local.resolvedOptions().timeZone;
    if (!planZone || planZone === localZone) {
      return t('notice.expiresSameZone', { local: local.format(when), zone: localZone });
    }
    return t('notice.expires', {
      local: local.format(when),
      planTime: new Intl.DateTimeFormat(i18n.language(), { ...style, timeZone: planZone }).format(when),
      zone: planZone,
    });
  }

  // The device check and practice run once per tab: a reload mid-interview goes straight back to the question.
  const warmedUpKey = 'prescreen.warmedUp.' + token.slice(-12);

  // The device check and the practice question, then the first question.
  function warmUp() {
    window.PrescreenWarmup.run({
      session, camera, show,
      done: () => {
        sessionStorage.setItem(warmedUpKey, '1');
        next();
      },
    });
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
      session = await call('GET', '');
      if (session.language) {
        await useLanguage(session.language);
      }
      camera.use = session.capture === 'video';
      $('title').textContent = t('page.titleWithRole', { role: session.roleTitle });
      document.title = $('title').textContent;
      progress(session.answered, session.questionCount);
      // A finished interview opened again later: straight to the done screen (no device check or practice), where
      // the candidate finds the explanation of the assessment.
      if (session.state === 'submitted' || session.state === 'completed') {
        showDone(session);
        return;
      }
      if (!session.consented) {
        showNotice();
        return;
      }
      await (sessionStorage.getItem(warmedUpKey) ? next() : warmUp());
    } catch (error) { explain(error); }
  }

  function showNotice() {
    $('notice-text').textContent = session.notice.text;
    $('notice-facts').textContent = t('notice.facts', {
      count: number(session.questionCount),
      seconds: number(session.answerSeconds),
      minutes: number(session.slotMinutes),
    });
    $('notice-expires').textContent = expiry(session.expiresAt, session.timeZone);
    const answering = [];
    if (session.capture === 'video') {
      answering.push(t('notice.video'));
    }
    if (session.retakesPerQuestion > 0) {
      answering.push(t('notice.retakes', { takes: number(session.retakesPerQuestion + 1) }));
    }
    $('notice-answering').textContent = answering.join(' ');
    $('notice-answering').hidden = answering.length === 0;
    rights.notice(session);
    $('consent-box').onchange = () => { $('consent-button').disabled = !$('consent-box').checked; };
    $('consent-button').onclick = async () => {
      $('consent-button').disabled = true;
      try {
        await call('POST', '/consent', { noticeVersion: session.notice.version });
        warmUp();
      } catch (error) { explain(error); }
    };
    show('notice');
  }

  // The done screen, shown at once with the optional self-identification; the explanation's link (or the word that
  // it is coming) from the view, the one in hand or else a fresh one (after the last answer), never holding it up.
  function showDone(view) {
    rights.done();
    rights.explanation(view || null);
    show('done');
    if (!view) {
      call('GET', '').then((fresh) => rights.explanation(fresh)).catch(() => rights.explanation({}));
    }
  }

  // ---- the interview's questions ----

  async function next() {
    try {
      render(await call('GET', '/question'));
    } catch (error) { explain(error); }
  }

  function render(current) {
    step = current;
    progress(current.answered, current.questionCount);
    clearInterval(timerHandle);
    integrity.stop();
    if (current.status === 'done') {
      showDone();
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
    $('timer-announcer').textContent = '';
    voice.reset();
    show('question');
    integrity.start();
    startTimer(new Date(current.deadline).getTime());
  }

  function startTimer(deadline) {
    const minutes = new Intl.NumberFormat(i18n.language());
    const seconds = new Intl.NumberFormat(i18n.language(), { minimumIntegerDigits: 2 });
    const tick = () => {
      const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      $('timer').textContent = left > 0
        ? t('timer.left', { time: minutes.format(Math.floor(left / 60)) + ':' + seconds.format(left % 60) })
        : t('timer.up');
      $('timer').classList.toggle('low', left <= 15);
      // The visible timer is silent for screen readers; these moments are announced once.
      if (left === 60) {
        $('timer-announcer').textContent = t('timer.announceMinute');
      } else if (left === 15) {
        $('timer-announcer').textContent = t('timer.announceSeconds', { seconds: number(15) });
      } else if (left === 0) {
        $('timer-announcer').textContent = t('timer.up');
      }
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
    utterance.lang = i18n.language();
    const voice = voiceFor(i18n.language());
    if (voice) {
      utterance.voice = voice;
    }
    window.speechSynthesis.speak(utterance);
  };

  $('typed-button').onclick = async () => {
    const text = $('typed-text').value.trim();
    if (!text) {
      $('typed-text').focus();
      return;
    }
    $('typed-button').disabled = true;
    try {
      await voice.reportIntegrity(step.answerId);
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
      // the finish answers with the session's view: it says whether there is an explanation (not yet, so soon)
      showDone(await call('POST', '/finish'));
    } catch (error) { explain(error); }
  };

  // Hides the English fallback text until the first catalogue is applied (style.css), so a candidate does
  // not see the page change language while it loads.
  document.documentElement.classList.add('i18n-pending');
  start();
}());
