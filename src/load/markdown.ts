import { createRequire } from 'node:module';
import type { LoadedSource } from './types.js';

/**
 * Load Markdown as plain text lines, so that minutes converted to Markdown read like their text:
 * headings lose their `#`, emphasis and links become their text, list items keep their marker
 * (`- ` as written; ordered markers such as `1.` rebuilt from the source, since remark drops them),
 * and pipe tables become tab-separated rows (empty cells kept: a row-spanning cell's continuation).
 * Blocks are separated by a blank line, as paragraphs are in the text samples.
 *
 * Pipe tables are found in the source line by line rather than with remark-gfm (not a dependency):
 * the text between tables is parsed by remark-parse, each table is converted here.
 */
export function loadMarkdown(text: string): LoadedSource {
  const { title, body: source } = frontMatter(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const blocks: string[] = title ? [title] : [];
  for (const part of splitTables(source)) {
    if (typeof part === 'string') blocks.push(...markdownBlocks(part));
    else blocks.push(part.rows.map((r) => r.map(inlineText).join('\t')).join('\n'));
  }
  return { format: 'markdown', text: blocks.join('\n\n'), pages: null, pageStarts: [], diagnostics: [] };
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const TITLE_FIELD = /^title:[ \t]*(.*)$/m;

/**
 * A YAML front matter (Jekyll, Hugo) is furniture, except its `title:`, which is the document's title:
 * it becomes the first line. The rest of the file is the body.
 */
export function frontMatter(source: string): { title: string | null; body: string } {
  const fm = FRONT_MATTER.exec(source);
  if (!fm) return { title: null, body: source };
  const t = TITLE_FIELD.exec(fm[1]!)?.[1]?.trim() ?? '';
  const unquoted = /^(["']).*\1$/u.test(t) ? t.slice(1, -1).trim() : t;
  return { title: unquoted === '' ? null : unquoted, body: source.slice(fm[0].length) };
}

/** The mdast fields read here (remark's node types, kept local to avoid a dependency on @types/mdast). */
interface MdNode {
  type: string;
  value?: string;
  alt?: string | null;
  ordered?: boolean | null;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const require = createRequire(import.meta.url);
let processor: { parse(text: string): unknown } | null = null;

/**
 * remark, loaded on the first Markdown input: ~70 ms of imports that text and PDF runs (every batch
 * worker, every CLI start) should not pay. `require` of these ES modules is synchronous, as
 * `parse()` is (Node ≥ 20.19 loads ES modules with require).
 */
function markdownParser(): { parse(text: string): unknown } {
  if (!processor) {
    const { unified } = require('unified') as typeof import('unified');
    const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
    processor = unified().use(remarkParse);
  }
  return processor;
}

function parse(markdown: string): MdNode {
  return markdownParser().parse(markdown) as MdNode;
}

/** Top-level blocks of a Markdown fragment, each as text lines. */
function markdownBlocks(markdown: string): string[] {
  if (markdown.trim() === '') return [];
  return (parse(markdown).children ?? []).flatMap((n) => block(n, markdown)).filter((b) => b !== '');
}

function block(node: MdNode, src: string): string[] {
  switch (node.type) {
    case 'heading':
    case 'paragraph':
      return [inline(node).trim()];
    case 'list':
      return [(node.children ?? []).map((item) => listItem(item, src)).join('\n')];
    case 'blockquote':
      return (node.children ?? []).flatMap((c) => block(c, src));
    case 'code':
      return [node.value ?? ''];
    case 'html':
      return /^\s*<!--[\s\S]*-->\s*$/.test(node.value ?? '') ? [] : [node.value ?? ''];
    case 'table':
      // Only reached if a caller's remark adds GFM tables: row → cells → text.
      return [(node.children ?? []).map((row) => (row.children ?? []).map((cell) => inline(cell).trim()).join('\t')).join('\n')];
    default:
      return []; // thematicBreak, definition, yaml, …: no text of the minutes
  }
}

/** A list item as lines: its marker as written in the source, then its content. */
function listItem(item: MdNode, src: string): string {
  const start = item.position?.start.offset ?? 0;
  const marker = /^[ \t]*(\d{1,9}[.)]|[-*+])[ \t]*/.exec(src.slice(start))?.[1] ?? '-';
  const lines = (item.children ?? []).flatMap((c) => (c.type === 'list' ? [(c.children ?? []).map((i) => listItem(i, src)).join('\n')] : block(c, src)));
  const body = lines.join('\n');
  return body === '' ? marker : `${marker} ${body}`;
}

/** Plain text of inline content; line breaks inside a paragraph are kept as line breaks. */
function inline(node: MdNode): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value ?? '';
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'html':
    case 'footnoteReference':
      return '';
    default:
      return (node.children ?? []).map(inline).join('');
  }
}

/** One table cell's Markdown (`**王**委員`, `\|`) → plain text. */
function inlineText(cell: string): string {
  const unescaped = cell.replace(/\\\|/g, '|').trim();
  if (unescaped === '' || !/[*_`[\]<>\\!&]/.test(unescaped)) return unescaped;
  const first = parse(unescaped).children?.[0];
  return first ? inline(first).replace(/\n/g, ' ').trim() : unescaped;
}

// --- Pipe tables (GFM syntax), found in the source.

interface PipeTable {
  rows: string[][];
}

/** A pipe-table delimiter row (`| --- | :-: |`): only pipes, colons, dashes and spaces, with a dash. */
const DELIMITER_ROW = /^[ \t|:-]+$/;

/** Source split into Markdown fragments and pipe tables, in order. Fenced code is never a table. */
export function splitTables(source: string): (string | PipeTable)[] {
  const lines = source.split('\n');
  const out: (string | PipeTable)[] = [];
  let pending: string[] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (f && (fence === null || f.startsWith(fence))) fence = fence === null ? f : null;
    const next = lines[i + 1];
    if (fence === null && next !== undefined && isTableStart(line, next)) {
      const width = cellsOf(next).length;
      const rows = [fit(cellsOf(line), width)];
      let j = i + 2;
      for (; j < lines.length && lines[j]!.includes('|') && lines[j]!.trim() !== ''; j++) rows.push(fit(cellsOf(lines[j]!), width));
      if (pending.length > 0) out.push(pending.join('\n'));
      pending = [];
      out.push({ rows });
      i = j - 1;
    } else pending.push(line);
  }
  if (pending.length > 0) out.push(pending.join('\n'));
  return out;
}

function isTableStart(header: string, delimiter: string): boolean {
  if (!header.includes('|') || !delimiter.includes('|')) return false;
  return DELIMITER_ROW.test(delimiter) && delimiter.includes('-') && cellsOf(header).length === cellsOf(delimiter).length;
}

/** Cells of a pipe-table row: outer pipes optional, `\|` is a literal pipe. */
function cellsOf(row: string): string[] {
  let s = row.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.trim());
}

function fit(cells: string[], width: number): string[] {
  return Array.from({ length: width }, (_, k) => cells[k] ?? '');
}
