// Makes docs/review.png, the README's screenshot of `twminutes review`: the review page of a sample
// PDF opened from disk in Debian's Chromium (apt-get install -y chromium), a speech selected.
// Run after `npm run build`: node scripts/review-screenshot.mjs [out.png]
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { parseFile, reviewHtml } from '../dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? `${root}docs/review.png`;
const html = `${root}test/artifacts/review/screenshot.html`;

const doc = await parseFile(`${root}test/fixtures/pdf/mofa-2021-110-1.pdf`, { text: true });
mkdirSync(`${root}test/artifacts/review`, { recursive: true });
writeFileSync(html, reviewHtml(doc));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(pathToFileURL(html).href);
  // 資電處林處長東亨's speech: its label and body light up in the text, its row in the table.
  const key = `speech-${doc.speeches.findIndex((s) => s.speaker.name === '林東亨')}`;
  await page.click(`tr.rec[data-key="${key}"] td:nth-child(3)`);
  await page.waitForSelector(`body[data-selected="${key}"]`);
  // Hover a dataset name in the text to show its record.
  const dataset = page.locator('.m[data-top="dataset"]').first();
  await dataset.scrollIntoViewIfNeeded();
  await dataset.hover();
  await page.waitForSelector('#tip:not([hidden])');
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
