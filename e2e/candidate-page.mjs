// Drives the candidate page in headless Chromium with a fake microphone fed from a WAV file, answering
// the first questions by voice and the rest by typing. Prints one JSON line with what it did.
// Usage: node e2e/candidate-page.mjs PAGE_URL WAV_FILE [VOICE_ANSWERS] [SCREENSHOT]
import { chromium } from 'playwright-core';

const [pageUrl, wavFile, voiceArg = '2', screenshot] = process.argv.slice(2);
const voiceAnswers = Number(voiceArg);
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
const result = { voice: 0, typed: 0, questions: [] };
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, permissions: ['microphone'] });
  const page = await context.newPage();
  page.on('pageerror', (error) => { result.pageError = String(error); });
  await page.goto(pageUrl);
  await page.getByLabel('I have read this and agree to take the automated interview.').check();
  await page.getByRole('button', { name: 'Start the interview' }).click();

  let answered = 0;
  while (Date.now() < deadline) {
    await page.waitForSelector('#question:not([hidden]), #done:not([hidden]), #problem:not([hidden])');
    if (await page.isVisible('#done')) break;
    if (await page.isVisible('#problem')) throw new Error('page shows a problem: ' + await page.textContent('#problem'));
    const label = await page.textContent('#question-label');
    const text = await page.textContent('#question-text');
    result.questions.push({ label, text });
    if (answered < voiceAnswers) {
      await page.getByRole('button', { name: 'Start recording' }).click();
      await page.waitForSelector('#record-status:has-text("Recording")');
      // The answer's length: two and a half seconds of the fake microphone.
      await page.waitForTimeout(2500);
      await page.getByRole('button', { name: 'Stop and send' }).click();
      result.voice++;
    } else {
      // The page keeps the typed form open once a candidate chose it.
      if (!(await page.locator('#typed').evaluate((details) => details.open))) {
        await page.locator('#typed summary').click();
      }
      await page.getByLabel('Your answer').fill(`Typed answer ${answered + 1}: I led the migration myself and cut latency by 40%.`);
      await page.getByRole('button', { name: 'Send typed answer' }).click();
      result.typed++;
    }
    answered++;
    // Wait until the page has moved past this question.
    await page.waitForFunction((previous) => {
      const done = !document.getElementById('done').hidden;
      const label = document.getElementById('question-label').textContent;
      const visible = !document.getElementById('question').hidden;
      return done || (visible && label !== previous) || !document.getElementById('problem').hidden;
    }, label, { timeout: 60_000 });
  }
  result.done = await page.isVisible('#done');
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.done && !result.pageError ? 0 : 1);
