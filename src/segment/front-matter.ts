import { derived } from '../grammars/compiled.js';
import { escapeRegExp } from '../grammars/index.js';
import type { Line } from './lines.js';
import { bulletLength, findFields } from '../extract/fields.js';
import { parseRocDate } from '../extract/datetime.js';
import { cleanTitle, nameParts, titleScore } from '../extract/title.js';
import { matchMarker } from './markers.js';

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
  /**
   * Characters at the start of line `end` that still belong to it: the last entry, when the next record's
   * title was joined onto it (三、交通委員會第12次全體委員會議紀錄……88立法院第9屆…); 0 otherwise.
   */
  tail: number;
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

const squeeze = (s: string) => s.replace(/[\s\u3000]+/gu, '');
const isBlank = (s: string) => s.trim() === '';

/** Dot leaders between an entry's title and its page (……, ‥‥, ....). */
const LEADER = '.．·‧…⋯‥_';
const GAP = ' \t\u3000';

/** The words written around a contents page's number (第5頁, 5頁, p.5), longest first. */
const pageWords = derived((g) => ({
  prefixes: [...g.sections.contentsPagePrefixes].sort((a, b) => b.length - a.length),
  suffixes: [...g.sections.contentsPageSuffixes].sort((a, b) => b.length - a.length),
}));

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * A line of a table of contents: a title, then a gap or a dot leader, then its page
 * (`壹、程序委員會 5`, `第 1 次會議 11`, `一、議事日程表……19`, `貳、會議紀錄 第9頁`, `附錄 1-5`, `附件 p.5`).
 * A page written chapter-page (1-5) has its chapter. Read from the end, without a pattern that could
 * backtrack over a long line of dots. Exported for tests.
 */
export function contentsEntry(text: string): { label: string; page: number; chapter?: number } | null {
  const t = text.trim();
  const w = pageWords();
  let k = t.length;
  // 第5頁, 5頁: a page word after the number (spaces allowed around the number then: 第 5 頁).
  const suffix = w.suffixes.find((x) => t.endsWith(x));
  if (suffix) {
    k -= suffix.length;
    while (k > 0 && GAP.includes(t[k - 1]!)) k--;
  }
  const digitsEnd = k;
  while (k > 0 && k > digitsEnd - 4 && isDigit(t[k - 1])) k--;
  if (k === digitsEnd || k === 0 || isDigit(t[k - 1])) return null;
  const page = Number(t.slice(k, digitsEnd));
  let chapter: number | undefined;
  // 1-5: the page 5 of the part 1.
  if (!suffix && '-－–'.includes(t[k - 1]!) && isDigit(t[k - 2])) {
    const end = k - 1;
    let c = end;
    while (c > 0 && c > end - 3 && isDigit(t[c - 1])) c--;
    if (c > 0 && !isDigit(t[c - 1])) {
      chapter = Number(t.slice(c, end));
      k = c;
    }
  }
  // 第5頁, p.5: a page word before the number.
  if (chapter === undefined) {
    let p = k;
    if (suffix) while (p > 0 && GAP.includes(t[p - 1]!)) p--;
    const prefix = w.prefixes.find((x) => t.slice(0, p).endsWith(x));
    // A Latin prefix (p.) stands after a gap or leader, not at the end of a word (Group.5).
    if (prefix && (/\p{Script=Han}/u.test(prefix) || p - prefix.length === 0 || !/[A-Za-z]/u.test(t[p - prefix.length - 1]!))) k = p - prefix.length;
  }
  let gap = 0;
  let dots = 0;
  while (k > 0 && (GAP.includes(t[k - 1]!) || LEADER.includes(t[k - 1]!))) {
    if (LEADER.includes(t[k - 1]!)) dots++;
    else gap++;
    k--;
  }
  if (gap === 0 && dots < 2) return null;
  const label = t.slice(0, k).trim();
  if (!label || !/\p{Script=Han}/u.test(label)) return null;
  return chapter === undefined ? { label, page } : { label, page, chapter };
}

/** A contents word, letter-spaced or not (目錄, 目　錄, 目 次). */
const contentsWordRe = derived(
  (g) => new RegExp(`(?:${[...g.sections.contentsHeadings].sort((a, b) => b.length - a.length).map((w) => [...w].map(escapeRegExp).join('[\\s\\u3000]*')).join('|')})`, 'gu'),
);

/** A heading's subtitle in brackets at its end: (105.09.30〜105.10.04/永華議事廳). */
const dropSubtitle = (t: string) => t.replace(/[(（][^()（）]*[)）]$/u, '');

/**
 * A contents heading: `目錄`, `議事錄目錄`, `目 次` on a line of its own, perhaps with a subtitle in brackets
 * after it (…議事錄目錄(105.09.30〜105.10.04/永華議事廳)); its text before the contents word (議事錄) is
 * part of the compilation's title. A title naming a meeting, its contents word and the first entry may
 * stand on one line when wrapped lines were joined (…定期會議事錄目錄第一次會議紀錄  1): `entry` is then that
 * entry. A numbered line (五、附件目錄) is an item of a record, not the heading of a compilation's contents.
 */
function contentsHeading(text: string): { head: string; entry: ReturnType<typeof contentsEntry> } | null {
  const t = text.trim();
  if (t === '' || matchMarker(t) !== null) return null;
  const re = contentsWordRe();
  re.lastIndex = 0;
  for (let m = re.exec(t); m !== null; m = re.exec(t)) {
    const head = t.slice(0, m.index);
    const after = t.slice(m.index + m[0].length);
    if (/[。，,；;：:]/u.test(squeeze(head))) return null;
    const rest = dropSubtitle(squeeze(after));
    if (rest === '') return squeeze(head).length + m[0].length <= 30 ? { head, entry: null } : null;
    // Glued to the first entry: only after a title that names a meeting.
    const entry = contentsEntry(after);
    const s = titleScore(head);
    if (entry && s.namesMeeting && s.score >= 5) return { head, entry };
  }
  return null;
}

/**
 * A record's header field, read as the metadata stage reads one: behind a heading's number (一、時間：,
 * 1.時間：, (一)時間：) or a bullet, letter-spaced or not (主   席：). A time with a date, or a place, a
 * chair, a recorder or a list of those present, with its value: a record has begun.
 */
function recordField(text: string): boolean {
  const m = matchMarker(text);
  const rest = m ? m.rest : text;
  return findFields(rest.slice(bulletLength(rest))).some(
    (h) => (h.field === 'time' && parseRocDate(h.value) !== null) || ((h.field === 'chair' || h.field === 'location' || h.field === 'recorder' || h.field === 'attendance') && h.value !== ''),
  );
}

/**
 * The front matter at the top of a document, or null. A table of contents is a contents heading in the
 * first lines followed (after at most a short subtitle) by entries whose page numbers never go down; the
 * front matter then runs from the top to its last entry. Front matter stands only before the first
 * record's header: a contents after a header field (一、時間：…, 主　席：…) lists a record's annexes.
 * Without a contents, a preface is front matter when its heading is the document's first line: it runs
 * to the first line that names a meeting or carries a header field.
 */
export function findFrontMatter(lines: readonly Line[]): FrontMatter | null {
  const n = Math.min(lines.length, FRONT_SCAN_LINES);
  for (let i = 0; i < n; i++) {
    const text = lines[i]!.text;
    if (recordField(text)) break;
    const heading = contentsHeading(text);
    if (!heading) continue;
    const contents = contentsAfter(lines, i, heading.entry);
    if (!contents) continue;
    const tail = contents.tail;
    return { start: 0, end: tail ? contents.last : contents.last + 1, tail, contents: { heading: contents.heading, first: contents.first, last: contents.last }, title: contentsTitle(lines, i, heading.head) };
  }
  return preface(lines);
}

/** Pages in the order a contents lists them: by part, then page (1-5 before 2-1). */
const pageKey = (e: { page: number; chapter?: number }) => (e.chapter ?? 0) * 100000 + e.page;

/**
 * The entries under a contents heading at line h (the first on its own line when glued to it), or null
 * when too few follow or their pages go down.
 */
function contentsAfter(lines: readonly Line[], h: number, glued: ReturnType<typeof contentsEntry>): { heading: number; first: number; last: number; tail: number } | null {
  let first = glued ? h : -1;
  let last = glued ? h : -1;
  let lead = 0;
  let count = glued ? 1 : 0;
  let page = glued ? pageKey(glued) : 0;
  for (let j = h + 1; j < lines.length; j++) {
    const text = lines[j]!.text;
    if (isBlank(text)) continue;
    const e = contentsEntry(text);
    if (!e) {
      // The last entry, with the next record's title joined onto it: the contents ends inside the line.
      const g = first >= 0 ? entryThenTitle(text) : null;
      if (g && pageKey(g.entry) >= page) return count + 1 >= MIN_ENTRIES ? { heading: h, first, last: j, tail: g.tail } : null;
      if (first >= 0) break;
      if (++lead > CONTENTS_LEAD_LINES) return null;
      continue;
    }
    if (pageKey(e) < page) break;
    page = pageKey(e);
    if (first < 0) first = j;
    last = j;
    count++;
  }
  return count >= MIN_ENTRIES ? { heading: h, first, last, tail: 0 } : null;
}

/**
 * An entry with a record's title joined after its page when wrapped lines were rejoined
 * (三、交通委員會…紀錄……88立法院第9屆第1會期…會議紀錄): the entry, and where the title starts.
 */
function entryThenTitle(text: string): { entry: NonNullable<ReturnType<typeof contentsEntry>>; tail: number } | null {
  for (const m of text.matchAll(/[0-9]{1,4}(?=\p{Script=Han})/gu)) {
    const at = m.index! + m[0].length;
    const entry = contentsEntry(text.slice(0, at));
    if (!entry) continue;
    const s = titleScore(text.slice(at));
    if (s.namesMeeting && s.score >= 5) return { entry, tail: at };
  }
  return null;
}

/**
 * The title the contents page prints: the heading's text before its contents word (議事錄目錄 → 議事錄,
 * 議事錄目　錄 → 議事錄), with the line or two above it that name the meeting (臺南市議會第2屆第8次臨時會), or
 * the agency alone (教育部 / 資料開放諮詢小組112年第1次會議紀錄目錄). Lines broken inside a heading join
 * without a space between ideographs.
 */
function contentsTitle(lines: readonly Line[], h: number, headText: string): FrontMatter['title'] {
  const head = cleanTitle(headText).trim();
  const parts = head ? [head] : [];
  let first = h;
  for (let j = h - 1, taken = 0; j >= 0 && taken < 2; j--) {
    const text = lines[j]!.text;
    if (isBlank(text)) continue;
    if (contentsEntry(text)) break;
    // A line that itself names a count or a meeting (not a signature, 臺南市議會 謹識) belongs to the title,
    // and so does a line that is an agency's name alone above a title naming none.
    if (titleScore(text).score < 2 && !agencyAbove(text, joinTitle(parts))) break;
    parts.unshift(cleanTitle(text));
    first = j;
    taken++;
  }
  const text = joinTitle(parts);
  const s = titleScore(text);
  return text && s.namesMeeting && s.score >= 5 ? { text, first, last: h } : null;
}

/** The line is an agency's name and nothing else (教育部), and the title below it names no agency. */
function agencyAbove(line: string, below: string): boolean {
  const name = squeeze(line);
  if (name === '' || nameParts(below).agency !== null) return false;
  const a = nameParts(name + below);
  return a.agency === name || a.agencyRef === name;
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
    if ((s.namesMeeting && s.score >= 5) || recordField(text)) return { start: i, end: j, tail: 0, contents: null, title: null };
  }
  return null;
}

/**
 * The lines as the header and heading readers see them: front-matter lines blank (offsets kept, so spans
 * still point into the text, which keeps the front matter); a line the front matter ends inside begins
 * where the record does.
 */
export function maskFrontMatter(lines: readonly Line[], fm: FrontMatter | null): readonly Line[] {
  if (!fm) return lines;
  return lines.map((l, i) => {
    if (i >= fm.start && i < fm.end) return { index: l.index, start: l.start, end: l.end, text: '', page: l.page };
    // The line the front matter ends inside: the reader sees it from where the record begins.
    if (i === fm.end && fm.tail > 0) return { index: l.index, start: l.start + fm.tail, end: l.end, text: l.text.slice(fm.tail), page: l.page };
    return l;
  });
}
