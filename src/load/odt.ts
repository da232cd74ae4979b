import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { formatNumber, odfFormat, type NumberFormat } from './numbering.js';
import type { LoadedSource } from './types.js';
import { LoadError } from './types.js';

interface LevelStyle {
  format: NumberFormat | null; // null: a bullet
  prefix: string;
  suffix: string;
  display: number;
  start: number;
}

/** list-style name → its level styles (1-based). */
type ListStyles = Map<string, Map<number, LevelStyle>>;

/**
 * Load an OpenDocument text (.odt): `content.xml` read with a streaming parser. Paragraphs and
 * headings become lines; list items get their generated number written out as the list style draws
 * it (`一、`, `(一)`, `1.`; from `style:num-format`, prefix, suffix and displayed levels); numbered
 * headings get their outline number; a table row becomes one line of tab-separated cells (a covered
 * cell is empty). Notes, annotations, frames, tracked deletions and page headers/footers are dropped.
 */
export function loadOdt(bytes: Uint8Array): LoadedSource {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'content.xml' || f.name === 'styles.xml' });
  } catch (e) {
    throw new LoadError('odt-corrupt', `The .odt file cannot be unzipped (${(e as Error).message}).`);
  }
  const content = files['content.xml'];
  if (!content) throw new LoadError('odt-corrupt', 'The .odt file has no content.xml.');
  const styles: ListStyles = new Map();
  const outline = new Map<number, LevelStyle>();
  const paragraphLists = new Map<string, string>(); // paragraph style → its list style
  try {
    if (files['styles.xml']) readStyles(strFromU8(files['styles.xml']), styles, outline, paragraphLists);
    return { format: 'odt', text: readContent(strFromU8(content), styles, outline, paragraphLists), pages: null, pageStarts: [], diagnostics: [] };
  } catch (e) {
    throw new LoadError('odt-corrupt', `The .odt file's XML cannot be read (${(e as Error).message}).`);
  }
}

function parser(): SaxesParser {
  return new SaxesParser({ xmlns: false });
}

function levelStyle(tag: SaxesTagPlain): LevelStyle {
  const a = tag.attributes;
  const bullet = tag.name === 'text:list-level-style-bullet' || tag.name === 'text:list-level-style-image';
  return {
    format: bullet ? null : odfFormat(a['style:num-format'] ?? ''),
    prefix: a['style:num-prefix'] ?? '',
    suffix: a['style:num-suffix'] ?? '',
    display: Number(a['text:display-levels'] ?? '1') || 1,
    start: Number(a['text:start-value'] ?? '1') || 1,
  };
}

/** List styles, the outline (heading numbering) style, and paragraph styles bound to a list style, from styles.xml or content.xml's automatic styles. */
function readStyles(xml: string, styles: ListStyles, outline: Map<number, LevelStyle>, paragraphLists: Map<string, string>): void {
  const p = parser();
  let list: Map<number, LevelStyle> | null = null;
  let inOutline = false;
  p.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === 'text:list-style') {
      list = new Map();
      styles.set(a['style:name'] ?? '', list);
    } else if (tag.name === 'text:outline-style') inOutline = true;
    else if (tag.name === 'text:list-level-style-number' || tag.name === 'text:list-level-style-bullet' || tag.name === 'text:list-level-style-image' || tag.name === 'text:outline-level-style') {
      const level = Number(a['text:level'] ?? '1');
      const style = levelStyle(tag as SaxesTagPlain);
      if (inOutline) outline.set(level, style);
      else list?.set(level, style);
    } else if (tag.name === 'style:style' && a['style:list-style-name']) paragraphLists.set(a['style:name'] ?? '', a['style:list-style-name']);
  });
  p.on('closetag', (tag) => {
    if (tag.name === 'text:list-style') list = null;
    else if (tag.name === 'text:outline-style') inOutline = false;
  });
  p.write(xml).close();
}

/** Elements whose content is not the document's running text. */
const SKIP = new Set(['text:note', 'office:annotation', 'draw:frame', 'text:tracked-changes', 'office:automatic-styles', 'office:font-face-decls', 'office:scripts', 'text:sequence-decls', 'text:variable-decls', 'text:user-field-decls']);

interface ListFrame {
  style: string | null;
  counted: boolean;
}

function readContent(xml: string, styles: ListStyles, outline: Map<number, LevelStyle>, paragraphLists: Map<string, string>): string {
  // content.xml's automatic styles hold list styles too; read them first (a small second pass).
  readStyles(xml, styles, outline, paragraphLists);
  const p = parser();
  const lines: string[] = [];
  let line = '';
  let skip = 0;
  const lists: ListFrame[] = [];
  /** Counters per list style, 1-based levels; kept across lists that continue numbering. */
  const counters = new Map<string, number[]>();
  const outlineCount: number[] = [];
  let pendingLabel: string | null = null; // a list item's label, written before its first paragraph
  let cachedNumber = false; // a <text:number> the producer wrote: the label as drawn
  let cells: string[] | null = null;
  let cell: string[] | null = null;
  let paragraphDepth = 0;

  const emit = (text: string) => {
    if (cell) cell.push(text);
    else lines.push(text);
  };
  p.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    if (skip > 0 || SKIP.has(tag.name)) {
      skip++;
      return;
    }
    switch (tag.name) {
      case 'text:list': {
        const parent = lists[lists.length - 1];
        const style = a['text:style-name'] ?? parent?.style ?? null;
        if (lists.length === 0 && style !== null && a['text:continue-numbering'] !== 'true' && !a['text:continue-list']) counters.delete(style);
        lists.push({ style, counted: false });
        break;
      }
      case 'text:list-item':
      case 'text:list-header': {
        const depth = lists.length;
        const style = lists[depth - 1]?.style ?? null;
        if (tag.name === 'text:list-header' || style === null) break;
        const levels = styles.get(style);
        const level = levels?.get(depth);
        const count = counters.get(style) ?? [];
        counters.set(style, count);
        const start = Number(a['text:start-value'] ?? NaN);
        count[depth] = Number.isFinite(start) ? start : (count[depth] ?? (level?.start ?? 1) - 1) + 1;
        count.length = depth + 1;
        pendingLabel = level && level.format !== null ? label(level, depth, count, levels!) : null;
        break;
      }
      case 'text:number':
        cachedNumber = true;
        pendingLabel = null;
        line = '';
        break;
      case 'text:h': {
        paragraphDepth++;
        if (paragraphDepth > 1) break;
        line = '';
        const depth = Number(a['text:outline-level'] ?? '1') || 1;
        const level = outline.get(depth);
        if (level && level.format !== null && level.format !== 'none' && a['text:is-list-header'] !== 'true') {
          outlineCount[depth] = (outlineCount[depth] ?? level.start - 1) + 1;
          outlineCount.length = depth + 1;
          line = label(level, depth, outlineCount, outline);
        }
        break;
      }
      case 'text:p': {
        paragraphDepth++;
        if (paragraphDepth > 1) break;
        line = pendingLabel ?? '';
        pendingLabel = null;
        break;
      }
      case 'text:s':
        line += ' '.repeat(Math.min(Number(a['text:c'] ?? '1') || 1, 100));
        break;
      case 'text:tab':
        line += cells ? ' ' : '\t';
        break;
      case 'text:line-break':
        line += cell ? ' ' : '\n';
        break;
      case 'table:table-row':
        cells = [];
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell': {
        cell = [];
        const repeat = Math.min(Number(a['table:number-columns-repeated'] ?? '1') || 1, 100);
        for (let k = 1; k < repeat; k++) cells?.push('');
        break;
      }
    }
  });
  p.on('text', (t) => {
    if (skip > 0 || paragraphDepth === 0 || cachedNumber) return;
    line += t.replace(/[\r\n\t]+/g, ' ');
  });
  p.on('closetag', (tag) => {
    if (skip > 0) {
      skip--;
      return;
    }
    switch (tag.name) {
      case 'text:number':
        cachedNumber = false;
        pendingLabel = line;
        line = '';
        break;
      case 'text:p':
      case 'text:h':
        paragraphDepth--;
        if (paragraphDepth === 0) {
          emit(line.trimEnd());
          line = '';
        }
        break;
      case 'text:list':
        lists.pop();
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        cells?.push((cell ?? []).join(' ').replace(/\s+/g, ' ').trim());
        cell = null;
        break;
      case 'table:table-row': {
        const row = cells ?? [];
        while (row.length > 0 && row[row.length - 1] === '') row.pop();
        if (row.length) lines.push(row.join('\t'));
        cells = null;
        break;
      }
    }
  });
  p.write(xml).close();
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** A list label as the level style draws it: prefix, the displayed levels' numbers joined by dots, suffix. */
function label(level: LevelStyle, depth: number, count: number[], levels: Map<number, LevelStyle>): string {
  if (level.format === null || level.format === 'none') return '';
  const parts: string[] = [];
  for (let d = Math.max(1, depth - level.display + 1); d <= depth; d++) parts.push(formatNumber(count[d] ?? levels.get(d)?.start ?? 1, levels.get(d)?.format ?? 'decimal'));
  return `${level.prefix}${parts.join('.')}${level.suffix}`;
}
