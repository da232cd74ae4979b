import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { loadPdf } from '../src/load/pdf/index.js';
import { isPageNumber } from '../src/load/pdf/page-artefacts.js';
import { dedupeFakeBold, runsMayCollide, undoubleGlyphs } from '../src/load/pdf/runs.js';
import { mayNeedOperators } from '../src/load/pdf/page-read.js';
import { hasSpace, isCjkCode, isSpaceCode } from '../src/load/pdf/cjk.js';
import { loadPdfjs } from '../src/load/pdf/pdfjs.js';
import { openPdf } from '../src/load/pdf/open.js';
import { toBase64 } from '../src/load/pdf/base64.js';
import type { Run } from '../src/load/pdf/geometry.js';
import { LoadError, type LoadedSource } from '../src/load/types.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'pdf');
const SAMPLES = join(import.meta.dirname, '..', 'samples');

function bytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

const cache = new Map<string, Promise<LoadedSource>>();
function load(name: string): Promise<LoadedSource> {
  if (!cache.has(name)) cache.set(name, loadPdf(bytes(name)));
  return cache.get(name)!;
}

async function loadError(name: string, options = {}): Promise<LoadError> {
  try {
    await loadPdf(bytes(name), options);
  } catch (e) {
    if (e instanceof LoadError) return e;
    throw e;
  }
  throw new Error(`${name} loaded without error`);
}

/** Non-blank lines, trimmed (for prose). */
const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
/** Non-blank lines as they are (leading tabs are empty table cells). */
const rawLines = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');
const squash = (s: string): string => s.replace(/\s+/g, '');
/** 1-based page of an offset, from pageStarts. */
const pageOf = (src: LoadedSource, offset: number): number => src.pageStarts.filter((s) => s <= offset).length;

describe('sample PDFs: lines rebuilt by position', () => {
  const samples = ['mofa-2021-110-1', 'mofa-2018-107-1', 'mofa-2016-105-4', 'moea-2021-7-1', 'moj-action-strategy'];
  for (const name of samples) {
    it(`${name}: every text line is in the PDF text, headings and speakers start PDF lines`, async () => {
      const src = await load(`${name}.pdf`);
      const want = lines(readFileSync(join(SAMPLES, `${name}.txt`), 'utf8'));
      // Long text lines wrap in the PDF, and the rendering adds or drops spaces around numbers:
      // compare without whitespace.
      const whole = squash(src.text);
      expect(want.filter((l) => !whole.includes(squash(l)))).toEqual([]);
      // Line starts must be rebuilt, not only the characters: a heading or a speaker label opens a line.
      const starts = lines(src.text).map(squash);
      const marked = want.filter((l) => /^(?:- )?(?:[壹貳參肆伍陸柒捌玖拾]+、|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/.test(l));
      expect(marked.length).toBeGreaterThan(3);
      const opens = (l: string): boolean => [l, l.replace(/^- /, '')].some((v) => starts.some((s) => s.startsWith(squash(v).slice(0, 12))));
      expect(marked.filter((l) => !opens(l))).toEqual([]);
      expect(src.pages).toBeGreaterThan(0);
      expect(src.pageStarts).toHaveLength(src.pages!);
      expect(src.diagnostics).toEqual([]);
    });
  }

  it('mofa-2021-110-1: short lines come out exactly as in the text', async () => {
    const src = await load('mofa-2021-110-1.pdf');
    const got = new Set(lines(src.text));
    for (const l of ['壹、主席致詞(略)', '伍、臨時動議', '陸、散會：上午 11 時', '9. 資電處林處長東亨：', '(三)主席裁示：']) expect(got).toContain(l);
  });

  it('pageStarts put each line on its page', async () => {
    const src = await load('mofa-2021-110-1-attendance-table.pdf');
    expect(src.pages).toBe(6);
    expect(src.pageStarts[0]).toBe(0);
    expect(pageOf(src, src.text.indexOf('會議紀錄'))).toBe(1);
    expect(pageOf(src, src.text.indexOf('第 1 次會議出席人員名單'))).toBe(5);
    expect(pageOf(src, src.text.indexOf('羅副處長 倩薇'))).toBe(6);
  });
});

describe('tables', () => {
  it('the attendance table crossing a page break becomes category/unit/person rows', async () => {
    const src = await load('mofa-2021-110-1-attendance-table.pdf');
    const rows = src.text.split('\n').filter((l) => l.includes('\t'));
    expect(rows[0]).toBe('身份\t單位\t與會人員');
    expect(rows.every((r) => r.split('\t').length === 3)).toBe(true);
    // Row-spanning category: text on its first row, empty on the rows it continues into.
    expect(rows).toContain('機關代表委員\t主任秘書室\t徐主任秘書 儷文');
    expect(rows).toContain('\t領務局\t薛副局長 秀媚');
    // Multi-line cells merged (CJK without space); a wrapped category joined.
    expect(rows).toContain('\t東吳大學巨量資料管理學院\t丁助理教授 德天');
    expect(rows).toContain('本部列席及工作人員\t亞太司\t林公使 明誠');
    // Several people under one unit: one row each, unit left empty after the first.
    const i = rows.indexOf('\t公眾會\t黃科長 翌弘');
    expect(rows.slice(i, i + 3)).toEqual(['\t公眾會\t黃科長 翌弘', '\t\t林程式設計師 孟瑋', '\t\t劉程式設計師 育穎']);
    // The part on page 6 keeps the columns.
    expect(rows.slice(-4)).toEqual(['\t資電處\t羅副處長 倩薇', '\t\t莊主任 盈志', '\t\t許科長 慶瑜', '\t\t潘助理員 俐如']);
  });

  it('yields the 34 people of the sample text end table', async () => {
    const src = await load('mofa-2021-110-1-attendance-table.pdf');
    const people = src.text.split('\n').filter((l) => l.includes('\t')).slice(1).map((r) => r.split('\t')[2]);
    const text = readFileSync(join(SAMPLES, 'mofa-2021-110-1.txt'), 'utf8');
    const table = lines(text.slice(text.indexOf('身份 單位 與會人員') + '身份 單位 與會人員'.length));
    const expected = table.map((l) => l.split(' ')).filter((t) => t.length >= 2).map((t) => t.slice(-2).join(' '));
    expect(expected).toHaveLength(34);
    expect(people).toEqual(expected);
  });

  it('carries the columns onto a page that draws only horizontal rules', async () => {
    const src = await load('table-across-pages.pdf');
    expect(rawLines(src.text)).toEqual([
      '出席人員名單',
      '身份\t單位\t出席人員',
      '機關代表\t資電處\t林處長東亨',
      '\t條法司\t梁司長光中',
      '民間代表\t政治大學\t朱教授斌妤',
      '\t臺灣大學\t莊教授裕澤',
      '\t東吳大學\t丁助理教授德天',
      '列席\t亞太司\t林公使明誠',
      '散會：上午 11 時',
    ]);
    expect(pageOf(src, src.text.indexOf('東吳大學'))).toBe(2);
  });

  it('aligns an unruled table by the x positions of its cells', async () => {
    const src = await load('unruled-table.pdf');
    expect(rawLines(src.text)).toEqual(['出席人員名單', '身份\t單位\t出席人員', '機關代表\t資電處\t林處長東亨', '\t\t莊主任盈志', '民間代表\t臺灣大學\t莊教授裕澤', '以上共計 3 人。']);
  });
});

describe('page layout', () => {
  it('drops a running header and page numbers repeated on every page', async () => {
    const src = await load('header-footer.pdf');
    expect(src.text).not.toMatch(/外交部資料開放諮詢小組 110 年第 1 次會議紀錄|- \d -|第 \d 頁/);
    expect(lines(src.text)).toHaveLength(10);
    expect(src.text.slice(src.pageStarts[1], src.pageStarts[2])).toBe('參、討論事項\n案由：本部各單位盤點提報之擬開放資料，提請審核。\n決議：照案通過。\n');
    expect(src.text.slice(src.pageStarts[2]!)).toBe('肆、臨時動議\n無。\n伍、散會：上午 11 時 30 分');
  });

  it('reads a two-column page column by column', async () => {
    const got = lines((await load('two-column.pdf')).text);
    expect(got[0]).toBe('雙欄版面測試文件標題（全寬）');
    expect(got.slice(1, 6).every((l) => l.startsWith('左欄'))).toBe(true);
    expect(got.slice(6).every((l) => l.startsWith('右欄'))).toBe(true);
    expect(got).toHaveLength(11);
  });

  it('keeps fake-bold text once', async () => {
    expect(lines((await load('fake-bold.pdf')).text)).toEqual(['主席：曾政務次長厚仁', '壹、主席致詞', '貳、報告事項']);
  });

  it('undoubles glyph-doubled items only at half width', () => {
    expect(undoubleGlyphs('壹壹、、主主席席', 64, 16)).toBe('壹、主席');
    expect(undoubleGlyphs('謝謝常常', 64, 16)).toBe('謝謝常常'); // full width: real text
    expect(undoubleGlyphs('謝謝', 16, 16)).toBe('謝謝'); // too short to tell
  });

  it('ligatures, typographic spaces and µ from a font\'s ToUnicode come out as plain letters', async () => {
    // compat-forms.pdf maps its codes to ﬃ, ﬁ, U+2002 and µ; pdf.js's text normalisation (NFKC on
    // those) and the layout's spaces give what a reader searches for.
    expect((await load('compat-forms.pdf')).text).toBe('出席：\nOffice of the first μg');
  });

  it('classifies characters by code point as the range table and /\\s/ do (CJK joins, cell spaces)', () => {
    // The fast paths (a chunk table, a loop instead of a regex) must agree everywhere, astral planes too.
    const ranges = [[0x2e80, 0x2fdf], [0x3000, 0x303f], [0x3040, 0x30ff], [0x3100, 0x312f], [0x31a0, 0x31bf], [0x3200, 0x9fff], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xffef], [0x20000, 0x2ffff]];
    const wrong: number[] = [];
    for (let cp = 0; cp < 0x110000; cp++) {
      if (isCjkCode(cp) !== ranges.some(([lo, hi]) => cp >= lo! && cp <= hi!)) wrong.push(cp);
      if (cp < 0x10000 && isSpaceCode(cp) !== /\s/.test(String.fromCharCode(cp))) wrong.push(cp);
    }
    expect(wrong).toEqual([]);
    expect(['北美司 周副參事', '主席\u3000致詞', 'NGO\t國際'].map(hasSpace)).toEqual([true, true, true]);
    expect(['外交部資料開放諮詢小組', '', '𠀋'].map(hasSpace)).toEqual([false, false, false]);
  });

  it('recognises page numbers and nothing else', () => {
    for (const t of ['3', '- 3 -', '— 12 —', '第 3 頁', '第3頁，共10頁', '共 10 頁，第 3 頁', '3/10', '3 / 10', 'Page 3', 'page 3 of 10']) expect(isPageNumber(t), t).toBe(true);
    for (const t of ['3.', '一、', '第 3 次會議', '110 年', '(3)', '3 人']) expect(isPageNumber(t), t).toBe(false);
  });
});

describe('fonts and glyphs', () => {
  it('extracts real Chinese from an Identity-H font', async () => {
    const src = await load('moea-2021-7-1-excerpt-identity-h.pdf');
    expect(lines(src.text)[0]).toBe('經濟部政府資料開放諮詢小組第 7 屆第 1 次會議紀錄');
    expect(src.text).toContain('參、主席：林次長全能(林主任聰仁代理) 紀錄：曾郁庭');
    expect(src.diagnostics).toEqual([]);
  });

  it('reads a non-embedded CNS1 font through the bundled CMaps and passes Kangxi radicals through', async () => {
    const src = await load('nonembedded-cns1-kangxi.pdf');
    expect(lines(src.text)[0]).toBe('外交部 110 年「資料開放諮詢小組」第 1 次會議');
    // U+2FA7 ⾧ (Kangxi radical), mapped to 長 by the normaliser, not here.
    expect(src.text).toContain('主席：曾政務次\u2FA7厚仁');
    expect(src.diagnostics.filter((d) => d.code === 'garbled-text')).toEqual([]);
  });

  it('flags private-use glyphs with garbled-text naming the page', async () => {
    const src = await load('garbled-pua.pdf');
    expect(src.text).toContain('主席：\uE000\uE001');
    const d = src.diagnostics.find((x) => x.code === 'garbled-text');
    expect(d?.severity).toBe('warning');
    expect(d?.message).toMatch(/page\(s\) 2\b/);
  });
});

describe('scans', () => {
  it('an image-only PDF has no text: pdf-no-text error saying OCR is needed', async () => {
    const src = await load('scanned.pdf');
    expect(src.text.trim()).toBe('');
    expect(src.diagnostics).toEqual([expect.objectContaining({ code: 'pdf-no-text', severity: 'error', message: expect.stringMatching(/OCR/) })]);
  });

  it('one scanned page among text pages: pdf-no-text warning naming it', async () => {
    const src = await load('scanned-page.pdf');
    expect(src.text).toContain('第一頁有文字。');
    expect(src.diagnostics).toEqual([expect.objectContaining({ code: 'pdf-no-text', severity: 'warning', message: expect.stringMatching(/Page\(s\) 2 /) })]);
  });

  it('reads the images of a page (decoding them) only where the answer shows', async () => {
    // Count pdf.js operator-list reads, the only way to see images; the calls go through unchanged.
    const doc = await openPdf(bytes('scanned.pdf'), 0);
    const proto = Object.getPrototypeOf(await doc.getPage(1)) as { getOperatorList: (...a: unknown[]) => unknown };
    await doc.destroy();
    const reads = vi.spyOn(proto, 'getOperatorList');
    try {
      // No text anywhere: one scanned page is enough to say the document is a scan.
      const scan = await loadPdf(bytes('scanned-5-pages.pdf'));
      expect(scan.pages).toBe(5);
      expect(scan.diagnostics).toEqual([expect.objectContaining({ code: 'pdf-no-text', severity: 'error', message: expect.stringMatching(/a scan/) })]);
      expect(reads).toHaveBeenCalledTimes(1);
      // Text on page 1 (no table): only the textless page 2 is asked, and named.
      reads.mockClear();
      const mixed = await loadPdf(bytes('scanned-page.pdf'));
      expect(mixed.diagnostics[0]?.message).toMatch(/Page\(s\) 2 of 2/);
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });
});

describe('bad files', () => {
  const cases: [string, string][] = [
    ['encrypted.pdf', 'pdf-encrypted'],
    ['truncated.pdf', 'pdf-corrupt'],
    ['empty.pdf', 'pdf-corrupt'],
    ['not-a-pdf.pdf', 'pdf-corrupt'],
  ];
  for (const [name, code] of cases) {
    it(`${name} → ${code}`, async () => {
      const e = await loadError(name);
      expect(e.code).toBe(code);
      expect(e.message.length).toBeGreaterThan(10);
    });
  }

  it('enforces maxBytes and maxPages', async () => {
    expect((await loadError('header-footer.pdf', { maxBytes: 1000 })).code).toBe('pdf-too-large');
    expect((await loadError('header-footer.pdf', { maxPages: 2 })).code).toBe('pdf-too-many-pages');
    expect((await loadPdf(bytes('header-footer.pdf'), { maxPages: 3 })).pages).toBe(3);
  });

  it('loads several documents at once', async () => {
    const got = await Promise.all(['header-footer.pdf', 'encrypted.pdf', 'fake-bold.pdf'].map((n) => loadPdf(bytes(n)).then((s) => s.pages, (e: LoadError) => e.code)));
    expect(got).toEqual([3, 'pdf-encrypted', 1]);
  });
});

describe('cost: what the loader fetches and leaves behind', () => {
  const run = (str: string, x: number, y: number, size = 12): Run => ({ str, x, y, w: Array.from(str).length * size, size, blank: false });

  it('importing pdfjs leaves the engine\'s own push and JSON in place (core-js would replace them for the whole process)', async () => {
    await loadPdfjs();
    for (const fn of [Array.prototype.push, JSON.parse, JSON.stringify]) expect(Function.prototype.toString.call(fn)).toContain('[native code]');
    // What the engine lacks is still added: pdfjs needs it.
    expect(typeof (new Set() as unknown as { union?: unknown }).union).toBe('function');
  });

  it('Uint8Array#toBase64, which pdfjs calls on every font it hands over, runs on Node\'s encoder and keeps the specified behaviour', async () => {
    const native = 'toBase64' in Uint8Array.prototype;
    await loadPdfjs();
    const method = (Uint8Array.prototype as unknown as { toBase64: typeof toBase64 }).toBase64;
    if (!native) expect(method).toBe(toBase64); // the engine has none: ours replaces core-js's
    expect(method.length).toBe(0);
    const enc = (bytes: Uint8Array, options?: object) => method.call(bytes, options);
    // The proposal's own example, and every padding length.
    expect(enc(new Uint8Array([72, 101, 108, 108, 111, 32, 87, 111, 114, 108, 100]))).toBe('SGVsbG8gV29ybGQ=');
    expect(['', 'Zg==', 'Zm8=', 'Zm9v']).toEqual(['', 'f', 'fo', 'foo'].map((t) => enc(new TextEncoder().encode(t))));
    const font = bytes('fake-bold.pdf'); // real binary, compressed streams included
    expect(enc(font)).toBe(Buffer.from(font).toString('base64'));
    expect(enc(font, { alphabet: 'base64url', omitPadding: true })).toBe(Buffer.from(font).toString('base64url'));
    expect(enc(new Uint8Array([0xfb, 0xff]), { alphabet: 'base64url' })).toBe('-_8=');
    expect(enc(new Uint8Array([0xfb, 0xff]), { omitPadding: true })).toBe('+/8');
    // A view encodes its own bytes, not the whole buffer.
    expect(enc(new Uint8Array(new Uint8Array([1, 2, 3, 4, 5]).buffer, 1, 3))).toBe(Buffer.from([2, 3, 4]).toString('base64'));
    expect(enc(runInNewContext('new Uint8Array([102, 111, 111])') as Uint8Array)).toBe('Zm9v'); // another realm's, as the specification allows
    expect(() => method.call([1, 2] as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => method.call(new Uint16Array(2) as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => enc(new Uint8Array(1), null as unknown as object)).toThrow(TypeError);
    expect(() => enc(new Uint8Array(1), { alphabet: 'hex' })).toThrow(TypeError);
    const gone = new Uint8Array(8);
    structuredClone(gone.buffer, { transfer: [gone.buffer] });
    expect(() => enc(gone)).toThrow(TypeError);
  });

  it('drawn rules are only fetched for pages that may hold a table: rows whose wide gaps line up', () => {
    // moea-2021-7-1.pdf page 1: chair and recorder spread apart on one line: not a table.
    const spread = [run('參、主席：林次長全能(林主任聰仁代理)', 57, 692), run('紀錄：曾郁庭', 307, 692)];
    expect(mayNeedOperators(spread)).toBe(false);
    // mofa-2021-110-1-attendance-table.pdf page 5: unit and person columns on every row.
    const rows = [run('領務局', 162, 718), run('薛副局長 秀媚', 366, 718), run('資電處', 162, 694), run('林處長 東亨', 366, 694)];
    expect(mayNeedOperators(rows)).toBe(true);
    // No text at all: no table to read (whether the page is a scan is asked later, see 'scans').
    expect(mayNeedOperators([])).toBe(false);
  });

  it('the glyph-by-glyph fake-bold search runs only where two runs overlap', () => {
    const line = [run('參、主席：', 57, 692), run('林次長全能', 117, 692)];
    expect(runsMayCollide(line)).toBe(false);
    expect(dedupeFakeBold(line)).toEqual(line);
    const doubled = [...line, run('參、主席：', 57.3, 692.2)];
    expect(runsMayCollide(doubled)).toBe(true);
    expect(dedupeFakeBold(doubled).map((r) => r.str).join('')).toBe('參、主席：林次長全能');
  });
});
