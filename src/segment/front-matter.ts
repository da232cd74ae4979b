import { derived } from '../grammars/compiled.js';
import { escapeRegExp } from '../grammars/index.js';
import type { Line } from './lines.js';
import { findFields } from '../extract/fields.js';
import { parseRocDate } from '../extract/datetime.js';
import { cleanTitle, titleScore } from '../extract/title.js';

/**
 * A compilation's front matter: what stands before its first record and is no record of a meeting.
 * A compilation of minutes (a council's 議事錄, a 會議紀錄彙編) may open with a preface (編輯前言, 前言, 序)
 * and a table of contents (目錄) whose lines end in page numbers or dot leaders. Neither is a header:
 * the contents lists the records' titles and dates (三、議長宣誓就職典禮(105 年 10 月 5 日) 22) and numbers
 * them as sections would be (壹、程序委員會 5). The pipeline hides these lines from the stages that read
 * headings and header fields (`maskFrontMatter`); the text keeps them.
 */
export interface FrontMatter {
  /** First line of the front matter (0, or the preface's heading). */
  start: number;
  /** First line after it. */
  end: number;
  /** The contents: its heading's line and its first and last entries, when there is one. */
  contents: { heading: number; first: number; last: number } | null;
  /** The compilation's title as its contents page prints it (臺南市議會第2屆第8次臨時會 / 議事錄目錄 → …議事錄). */
  title: { text: string; first: number; last: number } | null;
}

/** How far into a document its front matter may reach. */
const FRONT_SCAN_LINES = 150;
/** A preface without a contents after it: at most this long, else it is not taken for front matter. */
const PREFACE_MAX_LINES = 60;
/** Lines between a contents heading and its first entry (a subtitle: the session's dates and place). */
const CONTENTS_LEAD_LINES = 3;
/** Fewest entries that make a contents. */
const MIN_ENTRIES = 3;

const contentsRe = derived((g) => new RegExp(`(?:${g.sections.contentsHeadings.map(escapeRegExp).join('|')})$`, 'u'));

const squeeze = (s: string) => s.replace(/[\s\u3000]+/gu, '');
const isBlank = (s: string) => s.trim() === '';

/** Dot leaders between an entry's title and its page (……, ‥‥, ....). */
const LEADER = '.．·‧…⋯‥_';
const GAP = ' \t\u3000';

/**
 * A line of a table of contents: a title, then a gap or a dot leader, then its page number
 * (`壹、程序委員會 5`, `第 1 次會議 11`, `一、議事日程表……19`). Read from the end, without a pattern that
 * could backtrack over a long line of dots. Exported for tests.
 */
export function contentsEntry(text: string): { label: string; page: number } | null {
  const t = text.trim();
  let k = t.length;
  while (k > 0 && k > t.length - 4 && t[k - 1]! >= '0' && t[k - 1]! <= '9') k--;
  if (k === t.length || k === 0 || (t[k - 1]! >= '0' && t[k - 1]! <= '9')) return null;
  const page = Number(t.slice(k));
  let gap = 0;
  let dots = 0;
  while (k > 0 && (GAP.includes(t[k - 1]!) || LEADER.includes(t[k - 1]!))) {
    if (LEADER.includes(t[k - 1]!)) dots++;
    else gap++;
    k--;
  }
  if (gap === 0 && dots < 2) return null;
  const label = t.slice(0, k).trim();
  return label && /\p{Script=Han}/u.test(label) ? { label, page } : null;
}

/** A contents heading: `目錄`, `議事錄目錄`, `目 次` on a line of its own. */
function contentsHeading(text: string): boolean {
  const t = squeeze(text);
  return t.length > 0 && t.length <= 30 && !/[。，,；;：:]/u.test(t) && contentsRe().test(t);
}

/** A header field that dates or chairs a meeting: a record has begun. */
function recordField(text: string): boolean {
  return findFields(text).some((h) => (h.field === 'time' && parseRocDate(h.value) !== null) || (h.field === 'chair' && h.value !== ''));
}

/**
 * The front matter at the top of a document, or null. A table of contents is a contents heading in the
 * first lines followed (after at most a short subtitle) by entries whose page numbers never go down; the
 * front matter then runs from the top to its last entry, unless a record's header field stands before it.
 * Without a contents, a preface is front matter when its heading is the document's first line: it runs
 * to the first line that names a meeting or carries a header field.
 */
export function findFrontMatter(lines: readonly Line[]): FrontMatter | null {
  const n = Math.min(lines.length, FRONT_SCAN_LINES);
  for (let i = 0; i < n; i++) {
    if (!contentsHeading(lines[i]!.text)) continue;
    const contents = contentsAfter(lines, i);
    if (!contents) continue;
    // A record's header before the contents: the contents is inside a record (its annexes), not front matter.
    for (let j = 0; j < i; j++) if (recordField(lines[j]!.text)) return null;
    return { start: 0, end: contents.last + 1, contents, title: contentsTitle(lines, i) };
  }
  return preface(lines);
}

/** The entries under a contents heading at line h, or null when too few follow or their pages go down. */
function contentsAfter(lines: readonly Line[], h: number): { heading: number; first: number; last: number } | null {
  let first = -1;
  let last = -1;
  let lead = 0;
  let count = 0;
  let page = 0;
  for (let j = h + 1; j < lines.length; j++) {
    const text = lines[j]!.text;
    if (isBlank(text)) continue;
    const e = contentsEntry(text);
    if (!e) {
      if (first >= 0) break;
      if (++lead > CONTENTS_LEAD_LINES) return null;
      continue;
    }
    if (e.page < page) break;
    page = e.page;
    if (first < 0) first = j;
    last = j;
    count++;
  }
  return count >= MIN_ENTRIES ? { heading: h, first, last } : null;
}

/**
 * The title the contents page prints: the heading without its contents word (議事錄目錄 → 議事錄), with
 * the line or two above it that name the meeting (臺南市議會第2屆第8次臨時會). Lines broken inside a
 * heading join without a space between ideographs.
 */
function contentsTitle(lines: readonly Line[], h: number): FrontMatter['title'] {
  const head = cleanTitle(lines[h]!.text).replace(contentsRe(), '').trim();
  const parts = head ? [head] : [];
  let first = h;
  for (let j = h - 1, taken = 0; j >= 0 && taken < 2; j--) {
    const text = lines[j]!.text;
    if (isBlank(text)) continue;
    // Only a line that itself names a count or a meeting (not a signature, 臺南市議會 謹識) belongs to the title.
    if (titleScore(text).score < 2 || contentsEntry(text)) break;
    parts.unshift(cleanTitle(text));
    first = j;
    taken++;
  }
  const text = joinTitle(parts);
  const s = titleScore(text);
  return text && s.namesMeeting && s.score >= 5 ? { text, first, last: h } : null;
}

function joinTitle(parts: readonly string[]): string {
  let out = '';
  for (const p of parts) {
    const han = /\p{Script=Han}$/u.test(out) && /^\p{Script=Han}/u.test(p);
    out = out === '' ? p : han ? out + p : `${out} ${p}`;
  }
  return out;
}

const prefaceRe = derived((g) => new RegExp(`^(?:${g.sections.frontMatterHeadings.map(escapeRegExp).join('|')})$`, 'u'));

/** A preface whose heading is the first line, up to the first line that names a meeting or carries a field. */
function preface(lines: readonly Line[]): FrontMatter | null {
  let i = 0;
  while (i < lines.length && isBlank(lines[i]!.text)) i++;
  if (i >= lines.length || !prefaceRe().test(squeeze(lines[i]!.text))) return null;
  for (let j = i + 1; j < Math.min(lines.length, i + 1 + PREFACE_MAX_LINES); j++) {
    const text = lines[j]!.text;
    if (isBlank(text)) continue;
    const s = titleScore(text);
    if ((s.namesMeeting && s.score >= 5) || recordField(text)) return { start: i, end: j, contents: null, title: null };
  }
  return null;
}

/**
 * The lines as the header and heading readers see them: front-matter lines blank (offsets kept, so spans
 * still point into the text, which keeps the front matter).
 */
export function maskFrontMatter(lines: readonly Line[], fm: FrontMatter | null): readonly Line[] {
  if (!fm) return lines;
  return lines.map((l, i) => (i >= fm.start && i < fm.end ? { index: l.index, start: l.start, end: l.end, text: '', page: l.page } : l));
}
