import { grammar, alternation, derived } from '../grammars/index.js';
import type { Line } from '../segment/lines.js';
import { parseName, squeezeHan } from './person.js';
import { headedUnit } from './header-value.js';
import { memoString } from '../grammars/compiled.js';

/**
 * The written grammar of an attendance list, before any name is read: where one entry ends and the next
 * begins. Lists separate entries with 、，； or with spaces and line breaks; a title may stand before a
 * name in its own cell (`民政局局長   江俊霆`, or on the line above), letter-spaced (`市     長`), and a
 * two-character name may be padded to three cells (`廖 鯉`) or printed one character per line.
 */

/** One line's share of a list: the text after the label, and where it starts in the line. */
export interface ListSegment {
  line: Line;
  from: number;
  text: string;
  /** A unit written as a sub-label inside the list (`市政府：…`). */
  org?: string | null;
  /** A title written as a sub-label inside the list (`委員：A、B`). */
  title?: string | null;
}

export interface ListToken {
  kind: 'word' | 'note' | 'hard' | 'soft' | 'newline' | 'label';
  text: string;
  /** Absolute offsets into the normalised text. */
  at: number;
  end: number;
  line: Line;
  org: string | null;
}

const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);
/** Separators that always end an entry; a conjunction (暨: 游建華暨各局處首長) joins two entries as they do. */
const hardSeparators = derived((g) => new Set(['、', '，', ',', '；', ';', ...g.records.listConjunctions]));
const SPACE = /[\s\u3000\u00a0]/u;

/** Words, bracketed notes and separators of a list, in order; each line ends with a `newline` token. */
export function tokenizeList(segments: readonly ListSegment[]): ListToken[] {
  const out: ListToken[] = [];
  const HARD = hardSeparators();
  for (const seg of segments) {
    const s = seg.text;
    const base = seg.line.start + seg.from;
    const org = seg.org ?? null;
    if (seg.title) out.push({ kind: 'label', text: seg.title, at: base, end: base, line: seg.line, org });
    let i = 0;
    while (i < s.length) {
      const c = s[i]!;
      if (OPEN.has(c)) {
        let depth = 0;
        let j = i;
        for (; j < s.length; j++) {
          if (OPEN.has(s[j]!)) depth++;
          else if (CLOSE.has(s[j]!) && --depth === 0) break;
        }
        const close = Math.min(j, s.length);
        out.push({ kind: 'note', text: s.slice(i + 1, close).trim(), at: base + i, end: base + Math.min(close + 1, s.length), line: seg.line, org });
        i = close + 1;
      } else if (SPACE.test(c)) {
        let j = i + 1;
        while (j < s.length && SPACE.test(s[j]!)) j++;
        out.push({ kind: 'soft', text: s.slice(i, j), at: base + i, end: base + j, line: seg.line, org });
        i = j;
      } else if (HARD.has(c)) {
        out.push({ kind: 'hard', text: c, at: base + i, end: base + i + 1, line: seg.line, org });
        i++;
      } else {
        let j = i + 1;
        while (j < s.length && !SPACE.test(s[j]!) && !HARD.has(s[j]!) && !OPEN.has(s[j]!)) {
          if (CLOSE.has(s[j]!)) break;
          j++;
        }
        const text = s.slice(i, j).replace(/[。.]$/u, '');
        if (text && !CLOSE.has(text)) out.push({ kind: 'word', text, at: base + i, end: base + j, line: seg.line, org });
        i = Math.max(j, i + 1);
      }
    }
    out.push({ kind: 'newline', text: '\n', at: seg.line.start + seg.from + s.length, end: seg.line.start + seg.from + s.length, line: seg.line, org });
  }
  return joinWrappedWords(joinSpacedLabels(out));
}

const SPACED_LABEL_END = /^\p{Script=Han}[:：]/u;
/** Longest letter-spaced sub-label read as one (本 會：, 市 政 府：). */
const SPACED_LABEL_MAX = 6;

/**
 * A sub-label written letter-spaced inside a list (出 席：本會議員 本 會：吳副秘書長榮章): single ideographs
 * apart by spaces, the last one with its colon, are one label (本會：吳副秘書長榮章), as an unspaced one would be.
 */
function joinSpacedLabels(tokens: ListToken[]): ListToken[] {
  const out: ListToken[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const end = t.kind === 'word' && ONE_HAN.test(t.text) ? spacedLabelEnd(tokens, k) : -1;
    if (end > 0) {
      const text = tokens.slice(k, end + 1).filter((x) => x.kind === 'word').map((x) => x.text).join('');
      out.push({ kind: 'word', text, at: t.at, end: tokens[end]!.end, line: t.line, org: t.org });
      k = end;
      continue;
    }
    out.push(t);
  }
  return out;
}

/** The index of the token that ends a letter-spaced label starting at k (its last piece and colon), or -1. */
function spacedLabelEnd(tokens: readonly ListToken[], k: number): number {
  let pieces = 1;
  for (let j = k; j + 2 < tokens.length && pieces < SPACED_LABEL_MAX; j += 2) {
    const gap = tokens[j + 1]!;
    const next = tokens[j + 2]!;
    if (gap.kind !== 'soft' || gap.text.length > 3 || next.kind !== 'word' || next.line !== tokens[k]!.line) return -1;
    if (SPACED_LABEL_END.test(next.text)) return j + 2;
    if (!ONE_HAN.test(next.text)) return -1;
    pieces++;
  }
  return -1;
}

/**
 * A list written with 、 wraps lines inside a word: `游建華秘書` / `長李憲明`, `處長林建` / `志`. The two
 * pieces are one word when the break splits a title, or when the next line holds one character alone.
 */
function joinWrappedWords(tokens: ListToken[]): ListToken[] {
  const out: ListToken[] = [];
  let lineHasHard = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'hard') lineHasHard = true;
    if (t.kind !== 'newline') {
      out.push(t);
      continue;
    }
    const a = out[out.length - 1];
    const b = tokens[k + 1];
    const after = tokens[k + 2];
    if (lineHasHard && a?.kind === 'word' && b?.kind === 'word' && b.org === a.org && (splitsTitle(a.text, b.text) || (a.text.length >= 2 && ONE_HAN.test(b.text) && (!after || after.kind === 'newline' || after.kind === 'hard')))) {
      out[out.length - 1] = { kind: 'word', text: a.text + b.text, at: a.at, end: b.end, line: a.line, org: a.org };
      k++;
      continue;
    }
    lineHasHard = false;
    out.push(t);
  }
  return out;
}

function splitsTitle(a: string, b: string): boolean {
  for (let i = 1; i <= Math.min(4, a.length); i++) {
    for (let j = 1; j <= Math.min(3, b.length); j++) if (titles().has(a.slice(-i) + b.slice(0, j)) && !titles().has(b.slice(0, j + 1))) return true;
  }
  return false;
}

const titles = derived((g) => new Set(g.people.titles));
/** Proper beginnings of titles (副, 副秘書, 市): the cells of a letter-spaced title. */
const titlePrefixes = derived((g) => {
  const out = new Set<string>();
  for (const t of g.people.titles) for (let k = 1; k < t.length; k++) out.add(t.slice(0, k));
  return out;
});
function isTitlePrefix(s: string): boolean {
  return titlePrefixes().has(s);
}

function endsWithOrgSuffix(s: string): boolean {
  return grammar().people.orgSuffixes.some((x) => s.endsWith(x));
}

/**
 * A title with nothing after it: 市長, 民政局局長, 司法院秘書長, 前任理事長. The text before the title
 * must be a unit (ends like one) or a title modifier, so 王委員 (surname + title) is not title-only.
 */
export const titleOnly = memoString(titleOnlyUncached);

function titleOnlyUncached(written: string): { title: string; org: string | null } | null {
  const s = squeezeHan(written).replace(/\s+/g, '');
  if (!/^\p{Script=Han}+$/u.test(s)) return null;
  for (let len = Math.min(s.length, 12); len >= 2; len--) {
    const t = s.slice(s.length - len);
    if (!titles().has(t)) continue;
    let before = s.slice(0, s.length - len);
    let title = t;
    for (const m of grammar().people.titleModifiers) {
      if (before.endsWith(m)) {
        title = m + title;
        before = before.slice(0, -m.length);
        break;
      }
    }
    if (!before) return { title, org: null };
    if (endsWithOrgSuffix(before) && before.length >= 2) return { title, org: before };
  }
  return null;
}

/** A unit with no person in it (臺灣大學, 審計部桃園市審計處). */
export const orgOnly = memoString(orgOnlyUncached);

function orgOnlyUncached(written: string): boolean {
  const s = squeezeHan(written);
  return /^\p{Script=Han}{3,}$/u.test(s) && endsWithOrgSuffix(s) && titleOnly(s) === null && !(s.length <= 3 && plausibleName(s));
}

const ONE_HAN = /^\p{Script=Han}$/u;
const LATIN_WORD = /^[A-Za-z][A-Za-z'’\-.．‧·]*$/u;
/** A transliterated name: words joined by a name dot (巴干.巴萬, 夷將．拔路兒, Nikar．Falong). */
const DOTTED = /^[\p{Script=Han}A-Za-z]+[.．‧·•][\p{Script=Han}A-Za-z]+/u;

export function isDottedName(s: string): boolean {
  return DOTTED.test(s);
}

/** One entry of a list as written: its title cell(s), its name cell(s), its notes. */
export interface ListEntry {
  titleText: string;
  nameText: string;
  /** A title written after the name in its own cell (陳建宏 教授). */
  suffixTitle: string | null;
  /** A role-group label in force: (常務理事) A、B or 理事－A、B. */
  prefixTitle: string | null;
  notes: string[];
  org: string | null;
  /** A status that a bracket gave to the names inside it: (無法參加: A B). */
  status: string | null;
  at: number;
  end: number;
  line: Line;
}

/** A bracket that gives a status to the names inside it: (無法參加: 管一政 陳炳志). */
const statusWithNamesRe = derived((g) => new RegExp(`^(${alternation(g.records.statusMarks.map((m) => m.mark))})[\\s:：]*([^\\s:：；;，,、].*)$`, 'u'));

/** Is the word, as a name, plausible: 2–4 ideographs starting with a known surname. */
export function plausibleName(s: string): boolean {
  const p = grammar().people;
  if (!/^\p{Script=Han}{2,4}$/u.test(s)) return false;
  return p.surnames.includes(s[0]!) || p.compoundSurnames.includes(s.slice(0, 2));
}

/**
 * Group the tokens of a list into entries. Separators 、，； always end an entry; a space or a line break
 * ends it unless the cells on either side are parts of one person: a title and the name after it, the
 * letter-spaced pieces of a title, the single characters of a padded or vertically printed name, a name
 * and a title written after it, the words of a romanised name.
 */
export function groupEntries(tokens: readonly ListToken[]): ListEntry[] {
  const statusWithNames = statusWithNamesRe();
  const out: ListEntry[] = [];
  // 王委員明 李大華代理、張委員志強: in a list separated by 、，, a proxy written after the member with a space.
  const listHasHard = tokens.some((t) => t.kind === 'hard');
  const proxyMarks = grammar().records.proxyMarks;
  const endsEntry = (k: number): boolean => {
    for (let j = k + 1; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.kind === 'soft') continue;
      return t.kind === 'hard' || t.kind === 'newline';
    }
    return true;
  };
  let prefixTitle: string | null = null;
  let subOrg: string | null = null;
  let cur: ListEntry | null = null;
  let lastNameCells: string[] = [];
  let sawSoft = false;
  let sawNewline = false;
  let lineStart = true;

  const flush = () => {
    if (cur && (cur.titleText || cur.nameText)) out.push(cur);
    cur = null;
    lastNameCells = [];
  };
  const start = (t: ListToken): ListEntry => ({ titleText: '', nameText: '', suffixTitle: null, prefixTitle, notes: [], org: t.org ?? subOrg, status: null, at: t.at, end: t.end, line: t.line });
  const nextWordOnLine = (k: number): boolean => {
    for (let j = k + 1; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.kind === 'soft') continue;
      return t.kind === 'word';
    }
    return false;
  };

  const addWord = (text: string, t: ListToken, k: number) => {
    // 委員：王大明 / 市政府：市長鄭文燦 inside a list: a title or a unit over the names after it.
    const colon = text.search(/[:：]/u);
    if (colon > 0 && colon < text.length - 1) {
      const left = text.slice(0, colon);
      if (titleOnly(left)) {
        flush();
        prefixTitle = squeezeHan(left);
        addWord(text.slice(colon + 1), t, k);
        return;
      }
      if (orgOnly(left) || (left.length <= 6 && endsWithOrgSuffix(left))) {
        flush();
        subOrg = squeezeHan(left);
        addWord(text.slice(colon + 1), t, k);
        return;
      }
    }
    // 理事長－葉永烜, 張光祥秘書長－高仲明: a title and a dash introduce the names after them.
    const at = text.search(/[－—–-]/u);
    const dash = at > 0 ? [text, text.slice(0, at), text.slice(at + 1)] : null;
    if (dash && dash[2]) {
      const left = squeezeHan(dash[1]!);
      for (let cut = 0; cut < left.length; cut++) {
        const tail = left.slice(cut);
        const to = titleOnly(tail);
        if (!to || to.org) continue;
        const head = left.slice(0, cut);
        if (head && !plausibleName(head) && !isDottedName(head)) continue;
        if (head) addWord(head, t, k);
        flush();
        prefixTitle = tail;
        addWord(dash[2]!, t, k);
        return;
      }
    }
    const w = text;
    if (cur && (sawSoft || sawNewline)) {
      const c: ListEntry = cur;
      if (!c.nameText) {
        if (isTitlePrefix(c.titleText + w) || (titleOnly(c.titleText + w) && !titleOnly(c.titleText))) {
          c.titleText += w;
        } else if (titleOnly(c.titleText) || orgOnly(c.titleText) || compoundPost(c.titleText)) {
          c.nameText = w;
          lastNameCells = [w];
        } else if (ONE_HAN.test(c.titleText) && ONE_HAN.test(w)) {
          // Not a title after all: the first character of a padded name (高 翔).
          c.nameText = c.titleText + w;
          c.titleText = '';
          lastNameCells = [c.nameText];
        } else {
          flush();
        }
      } else if (listHasHard && sawSoft && !sawNewline && c.notes.length === 0 && proxyMarks.some((m) => w.length > m.length + 1 && w.endsWith(m)) && plausibleName(w.slice(0, 2)) && endsEntry(k)) {
        c.notes.push(w); // the proxy's note: 王委員明(李大華代理)
      } else if (ONE_HAN.test(w) && ONE_HAN.test(lastNameCells[lastNameCells.length - 1] ?? '') && c.nameText.length < 4 && !c.suffixTitle) {
        c.nameText += w; // 廖 鯉, 呂\n林\n小\n鳳
        lastNameCells.push(w);
      } else if (LATIN_WORD.test(w) && (/[A-Za-z]$/u.test(c.nameText) || (isDottedName(c.nameText) && !/[A-Za-z]/u.test(c.nameText)))) {
        c.nameText += ' ' + w; // Bakan Pawa; 夷將．拔路兒 Icyang．Parod
      } else if (!c.titleText && !c.suffixTitle && c.notes.length === 0 && !sawNewline && headedUnit(c.nameText, w)) {
        c.org = c.nameText; // 留仁里 周里長淑惠: the unit, then its head
        c.nameText = w;
        lastNameCells = [w];
      } else if ((!c.titleText || orgOnly(c.titleText)) && !c.suffixTitle && titleOnly(w)?.org === null && !sawNewline && !nextWordOnLine(k)) {
        c.suffixTitle = w; // 陳建宏 教授
      } else {
        flush();
      }
      if (cur) {
        (cur as ListEntry).end = t.end;
        return;
      }
    } else if (cur) {
      flush();
    }
    cur = start(t);
    const first = cur as ListEntry;
    if (titleOnly(w) || orgOnly(w) || (isTitlePrefix(w) && w.length <= 3 && !plausibleName(w)) || compoundPost(w)) first.titleText = w;
    else {
      first.nameText = w;
      lastNameCells = [w];
    }
  };

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'label') {
      flush();
      prefixTitle = t.text;
      continue;
    }
    if (t.kind === 'hard') {
      flush();
      sawSoft = sawNewline = false;
      lineStart = false;
      continue;
    }
    if (t.kind === 'soft') {
      sawSoft = true;
      continue;
    }
    if (t.kind === 'newline') {
      sawNewline = true;
      lineStart = true;
      continue;
    }
    if (t.kind === 'note') {
      const note = t.text;
      const statusNames = statusWithNames.exec(note);
      const innerNames = statusNames ? statusNames[2]!.split(/[\s\u3000、，,；;]+/u).filter(Boolean) : [];
      // (請假 王小明代): a status, then the one attending in the member's place, is the entry's own note.
      const proxyInside = innerNames.length === 1 && proxyMarks.some((m) => innerNames[0]!.endsWith(m) && plausibleName(innerNames[0]!.slice(0, -m.length)));
      if (statusNames && innerNames.length > 0 && !proxyInside && innerNames.every((n) => plausibleName(n) || splitGlued(n, new Set()) !== null)) {
        // (無法參加: 管一政 陳炳志): the names inside share the status; the entry before keeps its own.
        flush();
        for (const n of innerNames) {
          const e = start(t);
          e.nameText = n;
          e.status = statusNames[1]!;
          out.push(e);
        }
      } else if ((titleOnly(note) || isGroupTitle(note)) && (lineStart || !cur || (tokens[k + 1]?.kind === 'soft' && nextWordOnLine(k)) || (tokens[k + 1]?.kind === 'newline' && tokens[k + 2]?.kind === 'word'))) {
        // (理事長) 朱有花 / (常務理事) A、B: a role-group label before names applies to every name after it.
        flush();
        prefixTitle = note;
      } else if (cur) {
        (cur as ListEntry).notes.push(note);
        (cur as ListEntry).end = t.end;
      } else if (out.length > 0) {
        const last = out[out.length - 1]!;
        last.notes.push(note);
        last.end = t.end;
      }
      sawSoft = sawNewline = false;
      lineStart = false;
      // A name written right after a bracket (…(請假)賴詩萍) is a new entry.
      if (cur && tokens[k + 1]?.kind === 'word') flush();
      continue;
    }
    // word
    if (lineStart && cur && (cur as ListEntry).notes.length > 0) flush();
    addWord(t.text, t, k);
    sawSoft = sawNewline = false;
    lineStart = false;
  }
  flush();
  return out;
}

function isGroupTitle(note: string): boolean {
  const s = squeezeHan(note);
  return grammar().records.attendeeGroups.some((g) => g.label === s && !g.status);
}

/**
 * Split a run of ideographs that holds two names written without a separator (管一政陳炳志): only where
 * the grammar of names allows — both parts 2–4 ideographs, the second starting with a known surname —
 * and the list's own names decide between several such cuts. Null when there is no single reading.
 */
export function splitGlued(s: string, known: ReadonlySet<string>): [string, string] | null {
  if (!/^\p{Script=Han}{4,8}$/u.test(s)) return null;
  const cuts: [string, string][] = [];
  for (let k = 2; k <= s.length - 2; k++) {
    const a = s.slice(0, k);
    const b = s.slice(k);
    if (a.length > 4 || b.length > 4) continue;
    if (plausibleName(a) && plausibleName(b)) cuts.push([a, b]);
  }
  const byKnown = cuts.filter(([a, b]) => known.has(a) || known.has(b));
  if (byKnown.length === 1) return byKnown[0]!;
  // 王小明李大華: two names of three, the commonest length, over a cut that makes a name of two or four.
  const threes = cuts.length > 1 ? cuts.filter(([a, b]) => a.length === 3 && b.length === 3) : [];
  if (threes.length === 1) return threes[0]!;
  // A four-character run may be one name (黃林玲玲, 木下大輔): only the list's own names split it.
  if (s.length === 4) return null;
  return cuts.length === 1 ? cuts[0]! : null;
}

/**
 * A word before a title that makes a committee's post of it (財務委員, 環境保護委員, 機電委員): two to four
 * ideographs, no title or unit in it, and no person's name: a word starting with a surname (王明委員,
 * 林杰主任委員) is a name unless it is a post word (安全委員, 康樂委員: people.json postWords).
 */
export function postModifier(m: string): boolean {
  const g = grammar();
  // B棟委員: a building or block written with a letter or a number is a modifier too.
  if (/^[A-Za-z0-9]{1,3}\p{Script=Han}$/u.test(m)) return !endsWithOrgSuffix(m) && !titles().has(m.slice(-1));
  if (!/^\p{Script=Han}{2,4}$/u.test(m) || endsWithOrgSuffix(m)) return false;
  for (let i = 0; i < m.length; i++) for (let j = i + 2; j <= m.length; j++) if (titles().has(m.slice(i, j))) return false;
  if (g.people.postWords.some((w) => m.startsWith(w))) return true;
  // The common surnames of the name grammar (people.json), not every surname there is (家長代表 is a post).
  return !(g.people.surnames.includes(m[0]!) || g.people.compoundSurnames.includes(m.slice(0, 2)));
}

/** A committee post with nothing after it (機電委員, 環境保護委員): its title, or null. */
export const compoundPost = memoString((written: string): string | null => {
  const s = squeezeHan(written).replace(/\s+/g, '');
  if (shortPost(s) === s) return s;
  // A post is an office: 店面陳小姐 is a unit and a surname with an honorific, not a post.
  for (let k = 2; k <= 4 && k < s.length - 1; k++) if (postModifier(s.slice(0, k)) && titles().has(s.slice(k)) && !grammar().people.honorifics.includes(s.slice(k))) return s;
  return null;
});

/**
 * 財務委員陳美麗 → title 財務委員, name 陳美麗; 環境保護委員黃志明 → 環境保護委員, 黃志明: a committee post
 * (postModifier and a title word), then a name starting with a known surname. The modifier is no name of
 * the list either (游建華秘書長李憲明 and 王明副召集人李大華 are two people each).
 */
export function compoundTitledName(s: string, known: ReadonlySet<string>): { title: string; name: string } | null {
  const p = grammar().people;
  const short = shortPost(s);
  if (short && !titles().has(short)) {
    const name = s.slice(short.length);
    if (/^\p{Script=Han}{2,4}$/u.test(name) && plausibleName(name) && !titles().has(name) && !known.has(s.slice(0, 2))) return { title: short, name };
  }
  for (let k = 2; k <= 4 && k < s.length - 3; k++) {
    const modifier = s.slice(0, k);
    if (known.has(modifier) || !postModifier(modifier)) continue;
    const rest = s.slice(k);
    const titled = parseName(rest);
    if (!titled.title || !titled.name || titled.org || !rest.startsWith(titled.title) || !rest.endsWith(titled.name)) continue;
    if (p.surnames.includes(titled.name[0]!) || p.compoundSurnames.includes(titled.name.slice(0, 2))) return { title: modifier + titled.title, name: titled.name };
  }
  return null;
}

/** A post written short at the start (康委陳美麗 → 康委): one ideograph and a short post end (people.json shortPostEnds). */
function shortPost(s: string): string | null {
  if (!/^\p{Script=Han}/u.test(s)) return null;
  const end = grammar().people.shortPostEnds.find((e) => s.startsWith(e, 1));
  return end && !grammar().people.shortPostEnds.includes(s[0]!) ? s.slice(0, 1 + end.length) : null;
}
