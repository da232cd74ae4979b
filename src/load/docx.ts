import { createRequire } from 'node:module';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Diagnostic } from '../types.js';
import { loadHtml } from './html.js';
import { formatNumber, wordFormat, type NumberFormat } from './numbering.js';
import type { LoadedSource } from './types.js';
import { LoadError } from './types.js';

const require = createRequire(import.meta.url);

interface Mammoth {
  convertToHtml(input: { buffer: Buffer }): Promise<{ value: string; messages: { type: string; message: string }[] }>;
}

/**
 * Load a .docx: Word's automatic numbering is written into the paragraphs first (mammoth would turn
 * 一、 (一) lists into bare `<ol>`s), then mammoth converts the document to HTML and the HTML path
 * reads it: paragraphs as lines, tables as tab-separated rows. Headers, footers, comments and
 * images are dropped (mammoth does not convert them); footnotes stay, at the end.
 */
export async function loadDocx(bytes: Uint8Array): Promise<LoadedSource> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new LoadError('docx-corrupt', `The .docx file cannot be unzipped (${(e as Error).message}).`);
  }
  const document = files['word/document.xml'];
  if (!document) throw new LoadError('docx-corrupt', 'The .docx file has no word/document.xml.');
  const numbering = files['word/numbering.xml'] ? readNumbering(strFromU8(files['word/numbering.xml'])) : null;
  if (numbering) {
    const styles = files['word/styles.xml'] ? styleNumbering(strFromU8(files['word/styles.xml'])) : new Map<string, NumRef>();
    files['word/document.xml'] = strToU8(materialiseNumbering(strFromU8(document), numbering, styles));
  }
  const mammoth = require('mammoth') as Mammoth;
  let result;
  try {
    result = await mammoth.convertToHtml({ buffer: Buffer.from(zipSync(files, { level: 0 })) });
  } catch (e) {
    throw new LoadError('docx-corrupt', `The .docx file cannot be read (${(e as Error).message}).`);
  }
  const diagnostics: Diagnostic[] = [];
  const errors = result.messages.filter((m) => m.type === 'error');
  if (errors.length) diagnostics.push({ severity: 'warning', code: 'docx-partly-read', message: `Parts of the .docx could not be read: ${errors.map((m) => m.message).join('; ')}` });
  return loadHtml(result.value, 'docx', diagnostics);
}

interface Level {
  format: NumberFormat | null;
  text: string;
  start: number;
}

interface Numbering {
  /** abstractNumId → its levels by ilvl. */
  abstract: Map<string, Map<number, Level>>;
  /** numId → abstractNumId, and the levels whose start it overrides. */
  nums: Map<string, { abstractId: string; starts: Map<number, number> }>;
}

interface NumRef {
  numId: string;
  ilvl: number;
}

function readNumbering(xml: string): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of elements(xml, 'w:abstractNum', 'w:abstractNumId')) {
    const levels = new Map<number, Level>();
    for (const l of elements(m.body, 'w:lvl', 'w:ilvl')) {
      const body = l.body;
      levels.set(Number(l.key), {
        format: wordFormat(attr(body, 'w:numFmt') ?? 'decimal'),
        text: unescapeXml(attr(body, 'w:lvlText') ?? ''),
        start: Number(attr(body, 'w:start') ?? '1') || 0,
      });
    }
    abstract.set(m.key, levels);
  }
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  for (const m of elements(xml, 'w:num', 'w:numId')) {
    const starts = new Map<number, number>();
    for (const o of elements(m.body, 'w:lvlOverride', 'w:ilvl')) {
      const s = attr(o.body, 'w:startOverride');
      if (s !== null) starts.set(Number(o.key), Number(s));
    }
    nums.set(m.key, { abstractId: attr(m.body, 'w:abstractNumId') ?? '', starts });
  }
  return { abstract, nums };
}

/** Paragraph styles that carry numbering themselves (a heading style linked to a list). */
function styleNumbering(xml: string): Map<string, NumRef> {
  const out = new Map<string, NumRef>();
  for (const m of elements(xml, 'w:style', 'w:styleId')) {
    const numId = attr(m.body, 'w:numId');
    if (numId !== null) out.set(m.key, { numId, ilvl: Number(attr(m.body, 'w:ilvl') ?? '0') });
  }
  return out;
}

/**
 * Each numbered paragraph gets its label as a first run (`一、`, `(一)`, `1.`), counted as Word
 * counts (per list, a level restarting when a higher level advances), and its numbering turned off
 * (numId 0) so that the label is not drawn twice. Bullets are left as they are.
 */
function materialiseNumbering(xml: string, numbering: Numbering, styles: Map<string, NumRef>): string {
  const counters = new Map<string, number[]>();
  return replaceBlocks(xml, '<w:pPr>', '</w:pPr>', (body) => {
    const whole = `<w:pPr>${body}</w:pPr>`;
    const direct = attr(body, 'w:numId');
    const style = attr(body, 'w:pStyle');
    const ref: NumRef | undefined = direct !== null ? { numId: direct, ilvl: Number(attr(body, 'w:ilvl') ?? '0') } : style !== null ? styles.get(style) : undefined;
    if (!ref || ref.numId === '0') return whole;
    const num = numbering.nums.get(ref.numId);
    const levels = num ? numbering.abstract.get(num.abstractId) : undefined;
    const level = levels?.get(ref.ilvl);
    if (!num || !levels || !level || level.format === null) return whole;
    const key = num.starts.size ? `n${ref.numId}` : `a${num.abstractId}`;
    const count = counters.get(key) ?? [];
    counters.set(key, count);
    const startOf = (i: number) => num.starts.get(i) ?? levels.get(i)?.start ?? 1;
    count[ref.ilvl] = (count[ref.ilvl] ?? startOf(ref.ilvl) - 1) + 1;
    count.length = ref.ilvl + 1; // deeper levels restart
    const label = level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      return formatNumber(count[i] ?? startOf(i), levels.get(i)?.format ?? 'decimal');
    });
    const off = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
    const props = direct !== null ? replaceBlocks(body, '<w:numPr>', '</w:numPr>', () => null, off) : off + body;
    return `<w:pPr>${props}</w:pPr>${label ? `<w:r><w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>` : ''}`;
  });
}

/**
 * Each `open…close` block of `xml` replaced by `fn(inner)` (null: the block stays); with `literal`,
 * by that text, first block only. Scanned with indexOf: linear, whatever the input.
 */
function replaceBlocks(xml: string, open: string, close: string, fn: (inner: string) => string | null, literal?: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = xml.indexOf(open, from);
    if (start < 0) break;
    const end = xml.indexOf(close, start + open.length);
    if (end < 0) break;
    const replaced = literal ?? fn(xml.slice(start + open.length, end));
    out += xml.slice(from, start) + (replaced ?? xml.slice(start, end + close.length));
    from = end + close.length;
    if (literal !== undefined) break;
  }
  return out + xml.slice(from);
}

/**
 * Each `<tag …key="K"…>body</tag>` in `xml`, by scanning for the tags (linear: a regex spanning the start
 * tag's attributes and the body backtracks polynomially on a hostile file). Self-closing tags and
 * elements without the key attribute are skipped; the tags read here do not nest in themselves.
 */
function* elements(xml: string, tag: string, key: string): Generator<{ key: string; body: string }> {
  const open = `<${tag}`;
  const close = `</${tag}>`;
  let at = 0;
  for (;;) {
    const i = xml.indexOf(open, at);
    if (i < 0) return;
    const after = xml.charCodeAt(i + open.length);
    const end = xml.indexOf('>', i);
    if (end < 0) return;
    at = end + 1;
    // `<w:num` must not match `<w:numFmt`: the tag name ends at a space, `/` or `>`.
    if (!(after === 32 || after === 9 || after === 10 || after === 13 || after === 47 || after === 62) || xml[end - 1] === '/') continue;
    const startTag = xml.slice(i, end);
    const k = startTag.indexOf(` ${key}="`);
    const stop = xml.indexOf(close, end);
    if (stop < 0) return;
    at = stop + close.length;
    if (k < 0) continue;
    const v0 = k + key.length + 3;
    const v1 = startTag.indexOf('"', v0);
    if (v1 < 0) continue;
    yield { key: startTag.slice(v0, v1), body: xml.slice(end + 1, stop) };
  }
}

function attr(xml: string, element: string): string | null {
  const i = xml.indexOf(`<${element} `);
  if (i < 0) return null;
  const m = /^[^>]*?w:val="([^"]*)"/.exec(xml.slice(i + element.length + 1, i + element.length + 400));
  return m ? m[1]! : null;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
