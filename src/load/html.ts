import { createRequire } from 'node:module';
import type { Diagnostic, SourceFormat } from '../types.js';
import { formatNumber, type NumberFormat } from './numbering.js';
import type { LoadedSource, SourceHints } from './types.js';

/** The hast fields read here (kept local to avoid a dependency on @types/hast's exact version). */
interface HNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HNode[];
}

const require = createRequire(import.meta.url);
let parser: { parse(html: string): unknown } | null = null;
let toTextFn: ((node: HNode) => string) | null = null;

/** rehype and hast-util-to-text, loaded on the first HTML input (text and PDF runs should not pay for them). */
function html(): { parse(html: string): HNode; toText(node: HNode): string } {
  if (!parser || !toTextFn) {
    const { unified } = require('unified') as typeof import('unified');
    const rehypeParse = (require('rehype-parse') as typeof import('rehype-parse')).default;
    parser = unified().use(rehypeParse);
    toTextFn = (require('hast-util-to-text') as { toText: (node: HNode) => string }).toText;
  }
  const p = parser;
  const t = toTextFn;
  return { parse: (s) => p.parse(s) as HNode, toText: t };
}

/** Page furniture, not the document: dropped wherever they are. */
const DROP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'iframe', 'object', 'svg', 'button', 'form', 'select']);
/** A site's banner and footer: dropped unless they belong to an article (an article's own header holds its title). */
const PAGE_CHROME = new Set(['header', 'footer', 'aside']);
const CONTENT_ROOTS = new Set(['article', 'main']);

/** `<meta name=…>` whose content is the document's date. */
const DATE_META = new Set(['date', 'dc.date', 'dcterms.date', 'dcterms.created', 'dcterms.issued', 'article:published_time', 'pubdate', 'publishdate', 'created']);

/**
 * Load HTML as plain text lines by the innerText algorithm (hast-util-to-text): block elements
 * become lines, scripts, styles, navigation and the page's banner and footer are dropped, a table
 * row becomes one line of tab-separated cells (a cell covered by a row span above it is empty),
 * and ordered-list items get their number written out (`1.`, `a.`, as the list's `type` says),
 * since the heading tree reads numbering from the text. The `<title>` and date `<meta>` are
 * returned as hints, never put into the text.
 */
export function loadHtml(source: string, format: SourceFormat = 'html', diagnostics: Diagnostic[] = []): LoadedSource {
  const h = html();
  const tree = h.parse(source);
  const hints = readHints(tree, h.toText);
  prune(tree, false);
  rewrite(tree, h.toText);
  const text = dropRunningHeaders(tidy(h.toText(tree)));
  const out: LoadedSource = { format, text, pages: null, pageStarts: [], diagnostics };
  if (hints.title !== null || hints.date !== null) {
    out.hints = hints;
    const said = [hints.title !== null ? `title "${hints.title}"` : null, hints.date !== null ? `date ${hints.date}` : null].filter((x) => x !== null).join(' and ');
    diagnostics.push({ severity: 'info', code: 'source-hints', message: `The file declares ${said}; the header is read from the text, these are only hints.` });
  }
  return out;
}

function readHints(tree: HNode, toText: (n: HNode) => string): SourceHints {
  let title: string | null = null;
  let date: string | null = null;
  visit(tree, (n) => {
    if (n.tagName === 'title' && title === null) title = toText(n).replace(/\s+/g, ' ').trim() || null;
    if (n.tagName === 'meta' && date === null) {
      const key = String(n.properties?.name ?? n.properties?.property ?? n.properties?.itemProp ?? '').toLowerCase();
      const content = n.properties?.content;
      if (DATE_META.has(key) && typeof content === 'string' && content.trim() !== '') date = content.trim();
    }
  });
  return { title, date };
}

function visit(node: HNode, fn: (n: HNode) => void): void {
  fn(node);
  for (const c of node.children ?? []) visit(c, fn);
}

function prune(node: HNode, inContent: boolean): void {
  if (!node.children) return;
  const inside = inContent || CONTENT_ROOTS.has(node.tagName ?? '');
  node.children = node.children.filter((c) => {
    if (c.type === 'comment') return false;
    if (c.type !== 'element') return true;
    const tag = c.tagName ?? '';
    if (DROP.has(tag) || (PAGE_CHROME.has(tag) && !inside) || c.properties?.role === 'navigation' || c.properties?.hidden === true) return false;
    return true;
  });
  for (const c of node.children) prune(c, inside);
}

/** Tables → one `<div>` per row holding its tab-separated text; ordered-list items → their number in front. */
function rewrite(node: HNode, toText: (n: HNode) => string): void {
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (c.tagName === 'table') {
      // Each row a <pre>: a block whose tabs (and leading empty cells) survive whitespace collapsing.
      children[i] = { type: 'element', tagName: 'div', properties: {}, children: tableRows(c, toText).map((row) => preformatted(row)) };
      continue;
    }
    rewrite(c, toText);
    if (c.tagName === 'ol') numberItems(c);
  }
}

function preformatted(text: string): HNode {
  return { type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'text', value: text }] };
}

/** A table's rows as tab-separated lines; a row-spanning cell leaves an empty cell in the rows below it. */
function tableRows(table: HNode, toText: (n: HNode) => string): string[] {
  const rows: HNode[] = [];
  collectRows(table, rows);
  const pending: number[] = []; // rows still covered, per column
  const out: string[] = [];
  for (const row of rows) {
    const cells: string[] = [];
    let col = 0;
    const fillCovered = () => {
      while ((pending[col] ?? 0) > 0) {
        pending[col]!--;
        cells.push('');
        col++;
      }
    };
    for (const cell of (row.children ?? []).filter((c) => c.tagName === 'td' || c.tagName === 'th')) {
      fillCovered();
      const rowSpan = spanOf(cell.properties?.rowSpan);
      const colSpan = spanOf(cell.properties?.colSpan);
      for (let k = 0; k < colSpan; k++) {
        cells.push(k === 0 ? cellText(cell, toText) : '');
        if (rowSpan > 1) pending[col] = rowSpan - 1;
        col++;
      }
    }
    fillCovered();
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.some((c) => c !== '')) out.push(cells.join('\t'));
  }
  return out;
}

/** The `tr`s of a table in order, through `thead`/`tbody`/`tfoot` but not into nested tables. */
function collectRows(node: HNode, rows: HNode[]): void {
  for (const c of node.children ?? []) {
    if (c.tagName === 'tr') rows.push(c);
    else if (c.tagName !== 'table' && c.type === 'element') collectRows(c, rows);
  }
}

function spanOf(v: unknown): number {
  const n = typeof v === 'number' ? v : Number.parseInt(String(v ?? '1'), 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** A cell's text on one line: its own lines joined by a space, tabs made spaces. */
function cellText(cell: HNode, toText: (n: HNode) => string): string {
  return toText(cell)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ')
    .replace(/[\t\u00a0]/g, ' ');
}

const LIST_TYPES: Readonly<Record<string, NumberFormat>> = { '1': 'decimal', a: 'lower-letter', A: 'upper-letter', i: 'lower-roman', I: 'upper-roman' };

/** Writes each item's number in front of it (`3.`), from the list's `start` and `type`, as a browser draws it. */
function numberItems(ol: HNode): void {
  const start = Number.parseInt(String(ol.properties?.start ?? '1'), 10);
  const fmt = LIST_TYPES[String(ol.properties?.type ?? '1')] ?? 'decimal';
  let n = Number.isFinite(start) ? start : 1;
  for (const li of ol.children ?? []) {
    if (li.tagName !== 'li') continue;
    const value = Number.parseInt(String(li.properties?.value ?? ''), 10);
    if (Number.isFinite(value)) n = value;
    const label: HNode = { type: 'text', value: `${formatNumber(n, fmt)}. ` };
    const first = li.children?.[0];
    // The label goes into the item's first paragraph, so that it stays on the same line.
    if (first && first.type === 'element' && (first.tagName === 'p' || first.tagName === 'div')) first.children = [label, ...(first.children ?? [])];
    else li.children = [label, ...(li.children ?? [])];
    n++;
  }
}

/** innerText output → lines: no-break spaces made spaces, trailing blanks trimmed, runs of blank lines made one. */
/** A page number beside a short running header, on either side: `第8次臨時會 會議記錄 11`, `12 第8次臨時會 會議記錄`. */
const PAGE_MARKED = /^(?:(\d{1,4})[ \u3000]+([^\t]{1,40})|([^\t]{1,40}?)[ \u3000]+(\d{1,4}))$/u;

/**
 * A page exported to HTML (a PDF-to-HTML conversion) keeps its running header as a paragraph: the same
 * short text with a different page number on each page. Such lines are page furniture, dropped as the
 * PDF loader drops repeated page edges; a line of a table of contents (a title and its page, once) stays.
 */
function dropRunningHeaders(text: string): string {
  const lines = text.split('\n');
  const pagesOf = new Map<string, Set<string>>();
  const marked: (string | null)[] = lines.map((l) => {
    const m = PAGE_MARKED.exec(l.trim());
    if (!m) return null;
    const header = (m[2] ?? m[3] ?? '').trim();
    if (!/\p{Script=Han}/u.test(header)) return null;
    const pages = pagesOf.get(header) ?? new Set<string>();
    pages.add(m[1] ?? m[4]!);
    pagesOf.set(header, pages);
    return header;
  });
  const running = (h: string | null) => h !== null && pagesOf.get(h)!.size >= 2;
  if (!marked.some(running)) return text;
  return lines.filter((_, i) => !running(marked[i]!)).join('\n');
}

function tidy(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
