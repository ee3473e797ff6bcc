// Drives the candidate page in headless Chromium with a fake microphone fed from a WAV file, answering
// the first questions by voice and the rest by typing. Prints one JSON line with what it did.
// Usage: node e2e/candidate-page.mjs PAGE_URL WAV_FILE [VOICE_ANSWERS] [SCREENSHOT] [EXPECTED_LANG]
// Elements are found by id, never by their (localised) text, so the run works in every page language.
// EXPECTED_LANG (or the env var EXPECT_LANG), e.g. de-DE: the run fails unless the page is in that language
// (<html lang>) once the session is loaded. BROWSER_LOCALE (env) sets the browser's language (default en-US).
// The JSON reports `lang` and the visible texts of a few elements (`texts`) so a caller can check them
// against the language's catalogue.
import { chromium } from 'playwright-core';

const [pageUrl, wavFile, voiceArg = '2', screenshotArg, langArg] = process.argv.slice(2);
const voiceAnswers = Number(voiceArg);
const screenshot = screenshotArg && screenshotArg !== '-' ? screenshotArg : undefined;
const expectedLang = langArg || process.env.EXPECT_LANG || undefined;
const browserLocale = process.env.BROWSER_LOCALE || 'en-US';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const deadline = Date.now() + 120_000;

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic',
    '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wavFile}`,
  ],
});
const result = { voice: 0, typed: 0, questions: [], texts: {} };
const text = async (page, selector) => ((await page.textContent(selector)) || '').trim();
try {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, permissions: ['microphone'], locale: browserLocale,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => { result.pageError = String(error); });
  await page.goto(pageUrl);
  await page.waitForSelector('#notice:not([hidden]), #problem:not([hidden])');
  if (await page.isVisible('#problem')) throw new Error('page shows a problem: ' + await text(page, '#problem'));
  result.lang = await page.evaluate(() => document.documentElement.lang);
  result.title = await page.title();
  result.texts.title = await text(page, '#title');
  result.texts.consentLabel = await text(page, '#consent-label');
  result.texts.consentButton = await text(page, '#consent-button');
  result.texts.recordButton = await text(page, '#record-button');
  result.texts.typedButton = await text(page, '#typed-button');
  if (expectedLang && result.lang !== expectedLang) {
    throw new Error(`page language is ${result.lang}, expected ${expectedLang}`);
  }
  await page.check('#consent-box');
  await page.click('#consent-button');

  let answered = 0;
  while (Date.now() < deadline) {
    await page.waitForSelector('#question:not([hidden]), #done:not([hidden]), #problem:not([hidden])');
    if (await page.isVisible('#done')) break;
    if (await page.isVisible('#problem')) throw new Error('page shows a problem: ' + await text(page, '#problem'));
    const label = await page.textContent('#question-label');
    const question = await page.textContent('#question-text');
    result.questions.push({ label, text: question });
    if (result.texts.questionLabel === undefined) result.texts.questionLabel = label.trim();
    if (answered < voiceAnswers) {
      await page.click('#record-button');
      // The page enables "stop" once the recorder runs.
      await page.waitForSelector('#stop-button:not([disabled])');
      // The answer's length: two and a half seconds of the fake microphone.
      await page.waitForTimeout(2500);
      await page.click('#stop-button');
      result.voice++;
    } else {
      // The page keeps the typed form open once a candidate chose it.
      if (!(await page.locator('#typed').evaluate((details) => details.open))) {
        await page.click('#typed summary');
      }
      await page.fill('#typed-text', `Typed answer ${answered + 1}: I led the migration myself and cut latency by 40%.`);
      await page.click('#typed-button');
      result.typed++;
    }
    answered++;
    // Wait until the page has moved past this question.
    await page.waitForFunction((previous) => {
      const done = !document.getElementById('done').hidden;
      const current = document.getElementById('question-label').textContent;
      const visible = !document.getElementById('question').hidden;
      return done || (visible && current !== previous) || !document.getElementById('problem').hidden;
    }, label, { timeout: 60_000 });
  }
  result.done = await page.isVisible('#done');
  if (result.done) result.texts.doneHeading = await text(page, '#done h2');
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
} catch (error) {
  result.error = String(error && error.message ? error.message : error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.done && !result.pageError && !result.error ? 0 : 1);
