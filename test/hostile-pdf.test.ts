import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/index.js';
import { ROOT } from './helpers.js';

const dir = ROOT + 'test/fixtures/pdf/hostile/';
const pwned = () => (globalThis as { __twminutesPwned?: unknown }).__twminutesPwned;

// Built by scripts/fixtures/build-hostile-pdfs.mjs. Each must fail with its code or parse cleanly,
// within the limits, without running anything from the file.
describe('hostile PDFs', () => {
  it('zero pages: pdf-no-pages', async () => {
    await expect(parseFile(dir + 'zero-pages.pdf')).rejects.toMatchObject({ code: 'pdf-no-pages' });
  });

  it('a page tree claiming a million pages is not walked a million times', async () => {
    const d = await parseFile(dir + 'huge-page-count.pdf');
    expect(d.source.pages).toBeLessThan(10);
  });

  it('more pages than maxPages: pdf-too-many-pages', async () => {
    await expect(parseFile(ROOT + 'test/fixtures/pdf/mofa-2021-110-1.pdf', { pdf: { maxPages: 2 } })).rejects.toMatchObject({ code: 'pdf-too-many-pages' });
  });

  it('a JavaScript open action is not run; the text is read', async () => {
    const d = await parseFile(dir + 'javascript-action.pdf', { text: true });
    expect(d.text).toContain('Minutes with a script');
    expect(pwned()).toBeUndefined();
  });

  it('CVE-2024-4367: a FontMatrix carrying code is never evaluated', async () => {
    const d = await parseFile(dir + 'cve-2024-4367-fontmatrix.pdf', { text: true });
    expect(d.schema).toBe('minutes/1');
    expect(pwned()).toBeUndefined();
  });

  it('a text bomb (7 KB → 800,000 characters): pdf-text-too-large', async () => {
    await expect(parseFile(dir + 'text-bomb.pdf')).rejects.toMatchObject({ code: 'pdf-text-too-large' });
  });

  it('maxTextChars bounds an ordinary document too', async () => {
    await expect(parseFile(ROOT + 'test/fixtures/pdf/mofa-2021-110-1.pdf', { pdf: { maxTextChars: 500 } })).rejects.toMatchObject({ code: 'pdf-text-too-large' });
  });

  it('an inflate bomb (100 KB → 100 MB of spaces) ends with a pdf-no-text refusal, not a crash', async () => {
    await expect(parseFile(dir + 'inflate-bomb.pdf')).rejects.toMatchObject({ code: 'pdf-no-text' });
  });

  it('a damaged 5,000 pt font size does not blow up the fake-bold search (found by fuzzing)', async () => {
    const d = await parseFile(dir + 'absurd-font-size.pdf', { text: true });
    expect(d.text).toContain('after the damage');
  });

  it('maxBytes refuses a file before pdfjs sees it', async () => {
    await expect(parseFile(dir + 'inflate-bomb.pdf', { pdf: { maxBytes: 50_000 } })).rejects.toMatchObject({ code: 'pdf-too-large' });
  });
});
