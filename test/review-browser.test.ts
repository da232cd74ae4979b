// The review page in a real browser: Debian's Chromium driven by playwright-core, pages opened from
// disk (file://) to prove they need no server and no network. Screenshots go to test/artifacts/.
// Runs whenever /usr/bin/chromium exists, and always under CI (where a missing browser fails it).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFile, reviewHtml, reviewIndexHtml } from '../src/index.js';
import type { MinutesDocument } from '../src/types.js';
import { ROOT } from './helpers.js';

// Browser globals, for the callbacks that page.evaluate runs in the page (the tsconfig has no DOM lib).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare const location: any;
declare function getComputedStyle(element: unknown): { boxShadow: string; fontFamily: string };

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ARTIFACTS = `${ROOT}test/artifacts/`;
const PAGES = `${ARTIFACTS}review/`;
const runs = existsSync(CHROMIUM) || !!process.env.CI;
if (!runs) console.warn(`review-browser.test.ts skipped: ${CHROMIUM} is missing (apt-get install -y chromium); under CI it runs.`);

const SAMPLES = {
  'mofa-2021-110-1-pdf': 'test/fixtures/pdf/mofa-2021-110-1.pdf',
  'mofa-2016-105-4': 'samples/mofa-2016-105-4.txt',
  'moea-2021-7-1': 'samples/moea-2021-7-1.txt',
} as const;
type Name = keyof typeof SAMPLES;

const PAYLOAD = `<script>window.__pwned=1</script>"'><img src=x onerror="window.__pwned=2">`;
const hostile = (doc: MinutesDocument): MinutesDocument =>
  JSON.parse(JSON.stringify(doc), (key, value) =>
    key === 'text' && typeof value === 'string'
      ? [...value].map((c, i) => (c === '\n' ? c : PAYLOAD[i % PAYLOAD.length])).join('')
      : typeof value === 'string' && key !== 'schema'
        ? PAYLOAD + value
        : value,
  );

(runs ? describe : describe.skip)('review page in Chromium', () => {
  let browser: Browser;
  const docs = new Map<Name, MinutesDocument>();
  const url = (file: string) => {
    const [path, hash] = file.split('#');
    return pathToFileURL(PAGES + path).href + (hash ? `#${hash}` : '');
  };

  beforeAll(async () => {
    mkdirSync(PAGES, { recursive: true });
    for (const [name, file] of Object.entries(SAMPLES) as [Name, string][]) {
      const doc = await parseFile(ROOT + file, { text: true });
      docs.set(name, doc);
      writeFileSync(`${PAGES}${name}.html`, reviewHtml(doc, { indexHref: 'index.html' }));
    }
    writeFileSync(`${PAGES}hostile.html`, reviewHtml(hostile(docs.get('mofa-2016-105-4')!)));
    writeFileSync(
      `${PAGES}index.html`,
      reviewIndexHtml([
        ...[...docs].map(([name, doc]) => ({ doc, href: `${name}.html` })),
        { source: 'encrypted.pdf', error: 'pdf-encrypted: The PDF is encrypted' },
      ]),
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A page opened from disk; every request and console error it makes is recorded. */
  async function open(file: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; context: BrowserContext; requests: string[]; errors: string[] }> {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url(file));
    return { page, context, requests, errors };
  }

  /** Where the highlights of a record are: all marked active, and the first one visible in the text pane. */
  const highlightState = (page: Page, key: string) =>
    page.evaluate((key) => {
      const segs = [...document.querySelectorAll(`.m[data-k~="${key}"]`)];
      const pane = document.querySelector('.text-pane')!.getBoundingClientRect();
      const first = segs[0]!.getBoundingClientRect();
      return {
        count: segs.length,
        allActive: segs.every((s) => s.classList.contains('active')),
        othersActive: document.querySelectorAll('.m.active').length - segs.length,
        inPane: first.top >= pane.top && first.bottom <= pane.bottom,
        inViewport: first.top >= 0 && first.bottom <= window.innerHeight,
        outlined: getComputedStyle(segs[0]!).boxShadow !== 'none',
        flashed: segs[0]!.classList.contains('flash'),
        selected: document.body.dataset.selected,
        rowCurrent: document.querySelector(`.rec[data-key="${key}"]`)!.classList.contains('current'),
      };
    }, key);

  it.each(['mofa-2021-110-1-pdf', 'mofa-2016-105-4'] as const)('%s: clicking a speech scrolls its span into view and highlights it', async (name) => {
    const { page, context, requests, errors } = await open(`${name}.html`);
    const speeches = docs.get(name)!.speeches;
    const i = speeches.length - 2; // far down the text, so it must scroll
    const key = `speech-${i}`;
    const before = await page.evaluate(() => document.querySelector('.text-pane')!.scrollTop);
    await page.click(`tr.rec[data-key="${key}"] td:nth-child(3)`);
    await page.waitForSelector(`body[data-selected="${key}"]`);
    const state = await highlightState(page, key);
    expect(state).toMatchObject({ allActive: true, othersActive: 0, inPane: true, inViewport: true, outlined: true, flashed: true, rowCurrent: true });
    expect(state.count).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.querySelector('.text-pane')!.scrollTop)).toBeGreaterThan(before);
    // The highlighted text is the speech's own text.
    const shown = await page.evaluate((k) => [...document.querySelectorAll(`.m[data-k~="${k}"]`)].map((s) => s.textContent).join(''), key);
    const span = speeches[i]!.span;
    expect(shown.replace(/\s/g, '')).toBe(docs.get(name)!.text!.slice(span.start, span.end).replace(/\s/g, ''));
    await page.screenshot({ path: `${ARTIFACTS}review-${name}.png` });
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('hovering a highlight shows its record; clicking it selects its row', async () => {
    const { page, context, errors } = await open('mofa-2016-105-4.html');
    const proxy = docs.get('mofa-2016-105-4')!.attendees.findIndex((a) => a.proxy && a.onBehalfOf);
    const seg = page.locator(`.m[data-k~="attendee-${proxy}"]`).first();
    await seg.hover();
    const tip = page.locator('#tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const attendee = docs.get('mofa-2016-105-4')!.attendees[proxy]!;
    expect(await tip.textContent()).toContain(attendee.name!);
    expect(await tip.textContent()).toContain(`for ${attendee.onBehalfOf!.name}`);
    await seg.click();
    await page.waitForSelector(`body[data-selected="attendee-${proxy}"]`);
    const row = await page.evaluate((key) => {
      const r = document.querySelector(`.rec[data-key="${key}"]`)!.getBoundingClientRect();
      const pane = document.querySelector('.records-pane')!.getBoundingClientRect();
      return { current: document.querySelector(`.rec[data-key="${key}"]`)!.classList.contains('current'), inPane: r.top >= pane.top && r.bottom <= pane.bottom };
    }, `attendee-${proxy}`);
    expect(row).toEqual({ current: true, inPane: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a diagnostic link scrolls to its span and flashes it; a #key link opens on the record', async () => {
    const { page, context } = await open('moea-2021-7-1.html');
    const d = docs.get('moea-2021-7-1')!.diagnostics.findIndex((x) => x.span);
    expect(d).toBeGreaterThanOrEqual(0);
    await page.evaluate(() => document.querySelector('.text-pane')!.scrollTo(0, 1e6));
    await page.click(`#sec-diagnostics a.go[data-go="diag-${d}"]`);
    await page.waitForSelector(`body[data-selected="diag-${d}"]`);
    expect(await highlightState(page, `diag-${d}`)).toMatchObject({ allActive: true, inPane: true, flashed: true });
    // Rows work from the keyboard too.
    await page.focus('tr.rec[data-key="ruling-0"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-selected="ruling-0"]');
    expect(await highlightState(page, 'ruling-0')).toMatchObject({ allActive: true, inPane: true });
    await context.close();
    const opened = await open('moea-2021-7-1.html#action-2');
    await opened.page.waitForSelector('body[data-selected="action-2"]');
    expect(await highlightState(opened.page, 'action-2')).toMatchObject({ allActive: true, inPane: true });
    await opened.page.evaluate(() => (location.hash = '#speech-1'));
    await opened.page.waitForSelector('body[data-selected="speech-1"]');
    expect(await highlightState(opened.page, 'speech-1')).toMatchObject({ allActive: true, inPane: true });
    await opened.context.close();
  });

  it('legend boxes switch a kind of highlight off and on', async () => {
    const { page, context } = await open('mofa-2016-105-4.html');
    const onlySpeech = '.m[data-kinds="speech"]';
    expect(await page.locator(`${onlySpeech}[data-top="speech"]`).count()).toBeGreaterThan(0);
    await page.uncheck('.legend input[value="speech"]');
    expect(await page.locator(`${onlySpeech}[data-top]`).count()).toBe(0);
    await page.check('.legend input[value="speech"]');
    expect(await page.locator(`${onlySpeech}:not([data-top])`).count()).toBe(0);
    await context.close();
  });

  it('is usable at phone width: no sideways scrolling, the text stays in view above the records', async () => {
    const { page, context, errors } = await open('mofa-2021-110-1-pdf.html', { width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const key = `ruling-${docs.get('mofa-2021-110-1-pdf')!.rulings.length - 1}`;
    await page.click(`tr.rec[data-key="${key}"] td:nth-child(2)`);
    await page.waitForSelector(`body[data-selected="${key}"]`);
    expect(await highlightState(page, key)).toMatchObject({ allActive: true, inPane: true, inViewport: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}review-phone.png` });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Traditional Chinese gets the CJK font stack', async () => {
    const { page, context } = await open('mofa-2016-105-4.html');
    const font = await page.evaluate(() => getComputedStyle(document.querySelector('.text .l')!).fontFamily);
    expect(font).toContain('Noto Sans CJK TC');
    await context.close();
  });

  it('a document full of <script> and <img> shows them as text and runs none of them', async () => {
    const { page, context, errors } = await open('hostile.html');
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => document.scripts.length)).toBe(1);
    expect(await page.locator('.text-pane').textContent()).toContain('<script>window.__pwned=1</script>');
    expect(await page.locator('h1').textContent()).toContain('<script>');
    await page.click('tr.rec[data-key="speech-0"] td:nth-child(3)');
    await page.waitForSelector('body[data-selected="speech-0"]');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the index page lists every document, sorts by column and links to the pages', async () => {
    const { page, context, errors } = await open('index.html');
    const column = (n: number) => page.$$eval(`table.docs tbody tr`, (rows, n) => rows.map((r: any) => r.cells[n].textContent.trim()), n);
    expect(await page.locator('table.docs tbody tr').count()).toBe(4);
    expect(await page.locator('tr.failed').textContent()).toContain('pdf-encrypted');
    const dates = [...docs.values()].map((d) => d.meeting!.date!).sort();
    await page.click('th:nth-child(2) button');
    expect(await column(1)).toEqual([...dates, '']);
    await page.click('th:nth-child(2) button');
    expect(await column(1)).toEqual([...dates.reverse(), '']);
    await page.click('th:nth-child(6) button'); // speeches, as numbers
    expect(await column(5)).toEqual([...[...docs.values()].map((d) => d.speeches.length).sort((a, b) => a - b).map(String), '–']);
    await page.fill('input.filter', '經濟部');
    expect(await page.locator('table.docs tbody tr:not([hidden])').count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}review-index.png` });
    await page.click('table.docs tbody tr:not([hidden]) a');
    await page.waitForURL(/moea-2021-7-1\.html$/);
    expect(await page.locator('a.back').getAttribute('href')).toBe('index.html');
    expect(errors).toEqual([]);
    await context.close();
  });
});
