// Drives the candidate page in headless Chromium with a fake microphone (fed from a WAV file) and a fake camera,
// through every screen: consent, device check, practice, the questions (the first ones by voice, the rest typed),
// done. axe-core checks each screen and the run fails on any serious or critical violation. Prints one JSON line.
//
// Usage: node e2e/candidate-page.mjs PAGE_URL WAV_FILE [VOICE_ANSWERS] [SCREENSHOT] [EXPECTED_LANG]
// Elements are found by id, never by their (localised) text, so the run works in every page language.
// EXPECTED_LANG (or EXPECT_LANG): the run fails unless <html lang> is that once the session is loaded.
// Environment, each optional:
//   BROWSER_LOCALE  the browser's language (default en-US); BROWSER_TZ its time zone (default the machine's)
//   VIEWPORT        mobile (390×844, touch; the default) or desktop (1280×900)
//   KEYBOARD=1      every control is reached with Tab and used with Enter or Space, never clicked
//   CAMERA          granted (default) or denied: the camera permission is refused, the microphone allowed
//   MICROPHONE      denied: no permission at all (then answer by typing: VOICE_ANSWERS 0)
//   OVERSIZE=1      the first upload-url request claims a recording over the cap (the real server refuses it);
//                   the page must say why, and the answer is then typed
//   PRACTICE=1      record and play back the practice answer before the first question
//   RETAKES=n       re-record the first spoken answer n times before sending it (n > 0: the plan allows retakes,
//                   so every spoken answer is played back before it is sent)
//   PASTE=1         typed answers arrive by pasting; FOCUS_AWAY=1 leaves the page for a moment on each answer
//   TYPED_ANSWER    the text of typed answers (default a concrete one)
//   SCREENSHOTS     a folder: a screenshot of every screen goes there, named <screen>.png
//   ERROR_SCREEN=1  also opens a link with an unknown token and checks the error screen
//   ALTERNATIVE=1   on the notice, asks for an alternative or an accommodation (opens the form, types a request, sends
//                   it), checks the confirmation shows and the button is hidden, audits that ("alternative"), then
//                   consents and takes the interview as usual; the result says alternativeRequested: true
//   SELF_ID         1: on the done screen chooses "female" and "asian" in the self-identification and sends it,
//                   checking the thanks; skip: skips it, checking the form is gone. The result says
//                   selfIdentification: "sent" or "skipped"
//   AUTO_STOP=1     spoken answers are not stopped by the candidate: after pressing record they wait for the page to
//                   count down (the fake microphone's file falls silent after its speech) and finish by itself; the
//                   result counts autoStops and says what the status read while listening (texts.listening) and
//                   what the countdown showed (texts.countdown)
// The done screen shows the explanation's link or the word that it is pending: the result's explanationAvailable.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const [pageUrl, wavFile, voiceArg = '2', screenshotArg, langArg] = process.argv.slice(2);
const env = process.env;
const voiceAnswers = Number(voiceArg);
const screenshot = screenshotArg && screenshotArg !== '-' ? screenshotArg : undefined;
const expectedLang = langArg || env.EXPECT_LANG || undefined;
const browserLocale = env.BROWSER_LOCALE || 'en-US';
const executablePath = env.CHROMIUM || '/usr/bin/chromium';
const mobile = (env.VIEWPORT || 'mobile') === 'mobile';
const keyboardOnly = env.KEYBOARD === '1';
const cameraDenied = env.CAMERA === 'denied';
// MICROPHONE=denied: neither microphone nor camera is allowed (the candidate said no to both)
const microphoneDenied = env.MICROPHONE === 'denied';
const retakes = Number(env.RETAKES || 0);
const shots = env.SCREENSHOTS;
const alternative = env.ALTERNATIVE === '1';
const autoStop = env.AUTO_STOP === '1';
const selfId = env.SELF_ID === '1' ? 'sent' : env.SELF_ID === 'skip' ? 'skipped' : undefined;
const deadline = Date.now() + 150_000;
// WCAG 2.0, 2.1 and 2.2 at levels A and AA.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--autoplay-policy=no-user-gesture-required',
    // Without the fake UI a permission not granted below is refused, as when a candidate says no.
    ...(cameraDenied || microphoneDenied ? [] : ['--use-fake-ui-for-media-stream']),
    '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wavFile}`,
  ],
});
const result = {
  voice: 0, typed: 0, retakes: 0, questions: [], texts: {}, screens: [], axe: {}, blocking: [], keyboard: [],
  practiceUploads: 0, focusProblems: [], alternativeRequested: false, selfIdentification: null, autoStops: 0,
};
const text = async (page, selector) => ((await page.textContent(selector)) || '').trim();

// axe on the screen as it is now; serious and critical violations fail the run.
async function audit(page, screen) {
  const report = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  result.axe[screen] = report.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  report.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .forEach((v) => result.blocking.push(`${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  result.screens.push(screen);
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, `${screen}.png`), fullPage: true });
  }
}

// Tabs to the element with this id (failing if the keyboard cannot reach it) and checks its focus is visible.
async function tabTo(page, id) {
  for (let i = 0; i < 60; i++) {
    // the page may have moved the focus there itself (it does after starting a recording)
    if (i > 0 || (await page.evaluate(() => document.activeElement && document.activeElement.id)) !== id) {
      await page.keyboard.press('Tab');
    }
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const style = el ? getComputedStyle(el) : null;
      return { id: el && el.id, outline: style ? style.outlineStyle + ' ' + style.outlineWidth : '' };
    });
    if (focused.id === id) {
      if (focused.outline.startsWith('none') || focused.outline.endsWith(' 0px')) {
        result.focusProblems.push(`#${id}: no visible focus (${focused.outline})`);
      }
      result.keyboard.push(id);
      return;
    }
  }
  throw new Error(`the keyboard cannot reach #${id}`);
}

// Uses a control the way this run's candidate does: keyboard (Enter, or Space for a checkbox or radio button), touch
// or mouse.
async function use(page, id) {
  if (keyboardOnly) {
    await tabTo(page, id);
    const toggle = await page.evaluate((i) => ['checkbox', 'radio'].includes(document.getElementById(i).type), id);
    await page.keyboard.press(toggle ? 'Space' : 'Enter');
  } else if (mobile) {
    await page.tap('#' + id);
  } else {
    await page.click('#' + id);
  }
}

// Chooses the radio button with this id, of the group whose first button is `first`: by keyboard the way a candidate
// does (Tab enters the group on its first button while none is chosen, the arrow keys move to and choose another),
// else tapped or clicked.
async function choose(page, first, id) {
  if (!keyboardOnly) {
    await use(page, id);
  } else {
    await tabTo(page, first);
    for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement.id)) !== id; i++) {
      await page.keyboard.press('ArrowDown');
    }
    if ((await page.evaluate(() => document.activeElement.id)) !== id) {
      throw new Error(`the arrow keys do not reach #${id}`);
    }
    if (!(await page.isChecked('#' + id))) {
      await page.keyboard.press('Space');
    }
  }
  if (!(await page.isChecked('#' + id))) throw new Error(`#${id} is not chosen`);
}

// Asks for an alternative or an accommodation from the notice: the form, a request typed and sent, the confirmation.
async function askForAlternative(page) {
  await use(page, 'alternative-button');
  await visible(page, '#alternative-form');
  if (keyboardOnly) {
    await tabTo(page, 'alternative-input'); // the page moves the focus there as the form opens
  } else {
    await page.focus('#alternative-input');
  }
  await page.keyboard.type('I would like more time for each answer, please: I have dyslexia.');
  await use(page, 'alternative-send');
  await page.waitForFunction(() => {
    const shown = (id) => !document.getElementById(id).hidden;
    const said = (id) => document.getElementById(id).textContent.trim() !== '';
    return (!shown('alternative-form') && said('alternative-status')) || said('alternative-error') || shown('problem');
  }, null, { timeout: 30_000 });
  if (await page.isVisible('#problem')) throw new Error('page shows a problem: ' + await text(page, '#problem'));
  const failed = await text(page, '#alternative-error');
  if (failed) throw new Error('the alternative request was not sent: ' + failed);
  if (!(await page.isHidden('#alternative-button'))) throw new Error('the alternative button is shown while the request is open');
  result.texts.alternativeStatus = await text(page, '#alternative-status');
  result.alternativeFocus = await page.evaluate(() => document.activeElement && document.activeElement.id);
  result.alternativeRequested = true;
  await audit(page, 'alternative');
}

// The optional self-identification on the done screen: answered and sent (the thanks shown), or skipped (gone).
async function selfIdentify(page) {
  await visible(page, '#self-id-form');
  if (selfId === 'sent') {
    await choose(page, 'self-id-sex-male', 'self-id-sex-female');
    await choose(page, 'self-id-race-hispanic_or_latino', 'self-id-race-asian');
    await use(page, 'self-id-send');
    await page.waitForFunction(() => ['self-id-status', 'self-id-error']
      .some((id) => document.getElementById(id).textContent.trim() !== ''), null, { timeout: 30_000 });
    const failed = await text(page, '#self-id-error');
    if (failed) throw new Error('the self-identification was not sent: ' + failed);
    if (!(await page.isHidden('#self-id-form'))) throw new Error('the self-identification form is still shown');
    result.texts.selfIdThanks = await text(page, '#self-id-status');
  } else {
    await use(page, 'self-id-skip');
    await page.waitForSelector('#self-id-form', { state: 'hidden', timeout: 10_000 });
  }
  result.selfIdentification = selfId;
}

async function visible(page, selector) {
  await page.waitForSelector(selector, { state: 'visible', timeout: 30_000 });
}

// Leaves the page for a moment (another tab) and comes back, as the page sees it.
async function goAway(page) {
  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  await page.waitForTimeout(1200); // the time spent away, which the page measures
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
}

async function typeAnswer(page, answer) {
  if (!(await page.locator('#typed').evaluate((details) => details.open))) {
    await use(page, 'typed-summary');
  }
  if (keyboardOnly) {
    await tabTo(page, 'typed-text');
  } else {
    await page.focus('#typed-text');
  }
  if (env.PASTE === '1') {
    await page.evaluate((value) => {
      const area = document.getElementById('typed-text');
      const data = new DataTransfer();
      data.setData('text/plain', value);
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      area.value = value;
      area.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
    }, answer);
  } else {
    await page.keyboard.type(answer);
  }
  await use(page, 'typed-button');
}

async function speakAnswer(page) {
  await use(page, 'record-button');
  await page.waitForSelector('#stop-button:not([disabled])');
  if (autoStop) {
    if (result.texts.listening === undefined) result.texts.listening = await text(page, '#record-status');
    // the candidate has said their answer and is silent: the page counts down, then stops by itself
    await page.waitForSelector('#countdown:not([hidden])', { timeout: 60_000 });
    if (result.texts.countdown === undefined) {
      result.texts.countdown = await text(page, '#countdown');
      result.texts.finishingStatus = await text(page, '#record-status');
      await audit(page, 'finishing'); // the countdown runs 4 s: axe has time to look at it
    }
    await page.waitForSelector('#stop-button[disabled], #stop-button[hidden]', { state: 'attached', timeout: 30_000 });
    result.autoStops++;
    return;
  }
  await page.waitForTimeout(2500); // the answer's length: two and a half seconds of the fake microphone
  await use(page, 'stop-button');
}

try {
  const context = await browser.newContext({
    viewport: mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    isMobile: mobile, hasTouch: mobile, locale: browserLocale, timezoneId: env.BROWSER_TZ || undefined,
    permissions: microphoneDenied ? [] : cameraDenied ? ['microphone'] : ['microphone', 'camera'],
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => { result.pageError = String(error); });
  let practising = false;
  page.on('request', (request) => {
    if (practising && (request.method() === 'PUT' || request.url().includes('/answers/'))) {
      result.practiceUploads++;
    }
  });
  if (env.OVERSIZE === '1') {
    let claimed = false;
    await page.route('**/upload-url', async (route) => {
      if (claimed) return route.continue();
      claimed = true;
      const body = JSON.parse(route.request().postData());
      await route.continue({ postData: JSON.stringify({ ...body, contentLength: 300 * 1024 * 1024 }) });
    });
  }
  await page.goto(pageUrl);
  await page.waitForSelector('#notice:not([hidden]), #problem:not([hidden])');
  if (await page.isVisible('#problem')) throw new Error('page shows a problem: ' + await text(page, '#problem'));
  result.lang = await page.evaluate(() => document.documentElement.lang);
  result.title = await page.title();
  for (const [name, id] of Object.entries({
    title: '#title', consentLabel: '#consent-label', consentButton: '#consent-button', recordButton: '#record-button',
    typedButton: '#typed-button', noticeExpires: '#notice-expires', noticeText: '#notice-text',
  })) {
    result.texts[name] = await text(page, id);
  }
  if (expectedLang && result.lang !== expectedLang) {
    throw new Error(`page language is ${result.lang}, expected ${expectedLang}`);
  }
  await audit(page, 'consent');
  if (alternative) {
    await askForAlternative(page);
  }
  await use(page, 'consent-box');
  await use(page, 'consent-button');

  // The device check: the level meter listens, the camera (for video) shows a preview.
  await visible(page, '#check');
  practising = true;
  await use(page, 'check-button');
  await page.waitForFunction(() => {
    const found = document.getElementById('check-status').dataset.result;
    return !document.getElementById('check-button').disabled && found && found !== 'listening';
  }, null, { timeout: 20_000 });
  result.checkResult = await page.evaluate(() => document.getElementById('check-status').dataset.result);
  result.texts.checkStatus = await text(page, '#check-status');
  result.texts.checkCamera = await text(page, '#check-camera');
  await audit(page, 'device-check');
  await use(page, 'check-continue');

  // The practice question: recorded and played back in the page, never sent.
  await visible(page, '#practice');
  if (env.PRACTICE === '1') {
    await use(page, 'practice-record');
    await page.waitForSelector('#practice-stop:not([disabled])');
    await page.waitForTimeout(1500); // the practice answer's length
    await use(page, 'practice-stop');
    await page.waitForSelector('#practice-playback audio, #practice-playback video');
    result.practicePlayback = await page.evaluate(() => {
      const media = document.querySelector('#practice-playback audio, #practice-playback video');
      return { tag: media.tagName.toLowerCase(), src: media.src.slice(0, 5) };
    });
  }
  await audit(page, 'practice');
  await use(page, 'practice-finish');
  practising = false;

  let answered = 0;
  const audited = new Set();
  while (Date.now() < deadline) {
    await page.waitForSelector('#question:not([hidden]), #done:not([hidden]), #problem:not([hidden])');
    if (await page.isVisible('#done')) break;
    if (await page.isVisible('#problem')) throw new Error('page shows a problem: ' + await text(page, '#problem'));
    const label = await page.textContent('#question-label');
    const question = await page.textContent('#question-text');
    const kind = await page.evaluate(() => document.getElementById('question-label').textContent);
    const followUp = result.questions.length > 0 && !/\d+\D+\d+/.test(kind);
    result.questions.push({ label, text: question, followUp });
    if (result.texts.questionLabel === undefined) result.texts.questionLabel = label.trim();
    const screen = followUp ? 'follow-up' : 'question';
    if (!audited.has(screen)) {
      audited.add(screen);
      await audit(page, screen);
    }
    if (env.FOCUS_AWAY === '1') {
      await goAway(page);
    }
    if (answered < voiceAnswers && env.OVERSIZE === '1' && result.refusedUpload === undefined) {
      // the upload is refused: the page says why and offers the typed answer, which this candidate then uses
      await speakAnswer(page);
      await page.waitForFunction(() => document.getElementById('typed').open, null, { timeout: 30_000 });
      result.refusedUpload = await text(page, '#record-status');
      await typeAnswer(page, env.TYPED_ANSWER || 'I led the migration myself and cut latency by 40%.');
      result.typed++;
    } else if (answered < voiceAnswers) {
      await speakAnswer(page);
      if (result.voice === 0 && retakes > 0) {
        for (let i = 0; i < retakes; i++) {
          await visible(page, '#review');
          if (i === 0) await audit(page, 'review');
          await use(page, 'retake-button');
          await page.waitForSelector('#record-button:not([disabled])');
          result.retakes++;
          await speakAnswer(page);
        }
      }
      // a plan with retakes plays each take back first: wait for that review (the page shows it once the
      // recorder has stopped), then send
      if (retakes > 0) {
        await visible(page, '#review');
      }
      if (await page.isVisible('#review')) {
        result.texts.reviewStatus = await text(page, '#record-status');
        result.texts.reviewSelfViewHidden = await page.isHidden('#self-view');
        await use(page, 'send-button');
      }
      result.voice++;
    } else {
      await typeAnswer(page, env.TYPED_ANSWER || `Typed answer ${answered + 1}: I led the migration myself and cut latency by 40%.`);
      result.typed++;
    }
    answered++;
    // Wait until the page has moved past this question.
    await page.waitForFunction((previous) => {
      const done = !document.getElementById('done').hidden;
      const current = document.getElementById('question-label').textContent;
      const shown = !document.getElementById('question').hidden;
      return done || (shown && current !== previous) || !document.getElementById('problem').hidden;
    }, label, { timeout: 60_000 });
  }
  result.done = await page.isVisible('#done');
  if (result.done) {
    result.texts.doneHeading = await text(page, '#done h2');
    // the explanation's link, or the word that it is pending, once the page has asked whether it is scored
    await page.waitForSelector('#explanation:not([hidden]), #explanation-pending:not([hidden])', { timeout: 30_000 });
    result.explanationAvailable = await page.isVisible('#explanation');
    result.texts.explanation = await text(page, result.explanationAvailable ? '#explanation' : '#explanation-pending');
    await audit(page, 'done');
    if (selfId) {
      await selfIdentify(page);
    }
  }
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  if (env.ERROR_SCREEN === '1') {
    const broken = await context.newPage();
    await broken.goto(pageUrl.replace(/#.*$/, '#not-a-valid-token'));
    await visible(broken, '#problem');
    result.texts.errorTitle = await text(broken, '#problem-title');
    await audit(broken, 'error');
  }
} catch (error) {
  result.error = String(error && error.message ? error.message : error);
  for (const page of browser.contexts().flatMap((c) => c.pages())) {
    result.lastStatus = await page.textContent('#record-status').catch(() => null);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
const ok = result.done && !result.pageError && !result.error && result.blocking.length === 0
  && result.focusProblems.length === 0 && result.practiceUploads === 0
  && (!alternative || result.alternativeRequested === true) && (!selfId || result.selfIdentification === selfId);
process.exit(ok ? 0 : 1);
