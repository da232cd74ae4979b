import { grammar, alternation, derived } from '../grammars/index.js';
import type { Person } from '../types.js';
import { maxOf } from '../util/math.js';
import { trimEndOf } from '../util/text.js';
import { memoString } from '../grammars/compiled.js';

const HAN = /\p{Script=Han}/u;

/** Remove spaces between ideographs (徐主任秘書 儷文 → 徐主任秘書儷文); Latin words keep theirs (NGO 國際事務會). */
export function squeezeHan(s: string): string {
  const t = s.trim();
  // Most labels and names have no space inside: nothing to replace.
  if (!/\s/.test(t)) return t;
  return t.replace(/\s+/g, (sp, i: number, str: string) => (HAN.test(str[i - 1] ?? '') && HAN.test(str[i + sp.length] ?? '') ? '' : ' '));
}

const titles = derived((g) => new Set(g.people.titles));
/** The length of the longest known title. */
const maxTitle = derived((g) => maxOf(g.people.titles.map((t) => t.length)));

/** The longest known title that ends exactly at `end` in s and leaves room for a surname before it. */
function titleEndingAt(s: string, end: number): string | null {
  const set = titles();
  for (let len = Math.min(maxTitle(), end - 1); len >= 2; len--) {
    const t = s.slice(end - len, end);
    if (set.has(t)) return t;
  }
  return null;
}

function surnameBefore(s: string, titleStart: number): string {
  const two = s.slice(Math.max(0, titleStart - 2), titleStart);
  if (two.length === 2 && grammar().people.compoundSurnames.includes(two)) return two;
  return s.slice(titleStart - 1, titleStart);
}

export interface NameParts {
  name: string | null;
  surname: string | null;
  title: string | null;
  org: string | null;
}

/**
 * Decompose a person as written: [org][surname][title][given name] — 資電處林處長東亨, 世新大學陳副教授,
 * 曾政務次長厚仁, 王委員可言 — or a bare name (曾郁庭). Among the possible splits the longest title wins
 * (董事長 over 董事 + 長), then the longer given name.
 */
function parseNameUncached(written: string): NameParts {
  const s = squeezeHan(written);
  const maxGiven = grammar().people.givenNameMaxLength;
  const full = orgTitleFullName(s);
  if (full) return full;
  let best: { title: string; given: number } | null = null;
  for (let given = maxGiven; given >= 0; given--) {
    const end = s.length - given;
    if (end < 3) continue;
    if (given > 0 && !/^\p{Script=Han}+$/u.test(s.slice(end))) continue;
    const title = titleEndingAt(s, end);
    if (!title) continue;
    const before = s.slice(0, end - title.length);
    if (!HAN.test(before.slice(-1))) continue;
    // Implausible splits: a one-character org before the surname (機|關代表|委員), or a given name
    // that is a title or an org word (主任秘書室 is an office, not 任 + 秘書 + 室).
    const givenName = s.slice(end);
    if (givenName && (titles().has(givenName) || grammar().people.orgSuffixes.includes(givenName))) continue;
    const orgLength = before.length - (surnameBefore(s, end - title.length).length);
    if (orgLength === 1) continue;
    if (!best || title.length > best.title.length) best = { title, given };
  }
  if (best) {
    const titleStart = s.length - best.given - best.title.length;
    const surname = surnameBefore(s, titleStart);
    const org = trimEndOf(s.slice(0, titleStart - surname.length), '-－—–').trim(); // 新任外聘委員-…公司 keeps no dash
    // 林宜隆委員: a full name before the title, not an org (林宜) + surname (隆). An org names a unit and
    // ends like one (處, 司, 大學 …); one or two ideographs that do not are the start of the name.
    if (best.given === 0 && /^\p{Script=Han}{1,2}$/u.test(org) && !grammar().people.orgSuffixes.some((x) => org.endsWith(x))) {
      const name = org + surname;
      const two = name.slice(0, 2);
      return { name, surname: name.length >= 3 && grammar().people.compoundSurnames.includes(two) ? two : name[0]!, title: best.title, org: null };
    }
    return {
      name: best.given > 0 ? surname + s.slice(s.length - best.given) : null,
      surname,
      title: best.title,
      org: org || null,
    };
  }
  // [title][name], as legislative records write speakers: 委員林宜隆.
  for (let len = Math.min(maxTitle(), s.length - 2); len >= 2; len--) {
    const title = s.slice(0, len);
    const rest = s.slice(len);
    if (titles().has(title) && /^\p{Script=Han}{2,4}$/u.test(rest) && plausibleGivenName(s, rest)) {
      const two = rest.slice(0, 2);
      return { name: rest, surname: rest.length >= 3 && grammar().people.compoundSurnames.includes(two) ? two : rest[0]!, title, org: null };
    }
  }
  // [name][title]: 林宜隆委員.
  for (let n = 4; n >= 2; n--) {
    const head = s.slice(0, n);
    const rest = s.slice(n);
    if (/^\p{Script=Han}+$/u.test(head) && titles().has(rest)) return { name: head, surname: surnameBefore(head + 'x', n).length === 2 ? head.slice(0, 2) : head[0]!, title: rest, org: null };
  }
  if (/^\p{Script=Han}{2,4}$/u.test(s)) {
    const two = s.slice(0, 2);
    const surname = s.length >= 3 && grammar().people.compoundSurnames.includes(two) ? two : s[0]!;
    return { name: s, surname, title: null, org: null };
  }
  return { name: null, surname: null, title: null, org: null };
}

/**
 * [org][title][full name], as lists of officials write them: 民政局局長江俊霆, 議事組主任高明慧,
 * 研考會主委林純秀. The unit ends like one, and the name after the title is 2–4 ideographs starting
 * with a known surname.
 */
function orgTitleFullName(s: string): NameParts | null {
  const p = grammar().people;
  if (!/^\p{Script=Han}{6,}$/u.test(s)) return null;
  for (let at = 2; at < s.length - 3; at++) {
    const org = s.slice(0, at);
    if (!p.orgSuffixes.some((x) => org.endsWith(x))) continue;
    for (let len = Math.min(maxTitle(), s.length - at - 2); len >= 2; len--) {
      const title = s.slice(at, at + len);
      if (!titles().has(title)) continue;
      // 張系主任溫德: a surname, then a longer title (系主任) that ends like a unit, is no unit + title.
      if (at <= 2 && [1, 2].some((k) => k < at && titles().has(s.slice(at - k, at + len)) && p.surnames.includes(s.slice(0, at - k)))) continue;
      const name = s.slice(at + len);
      if (name.length < 2 || name.length > 4) continue;
      const two = name.slice(0, 2);
      const compound = name.length >= 3 && p.compoundSurnames.includes(two);
      if (!compound && !p.surnames.includes(name[0]!)) continue;
      if (titles().has(name) || p.orgSuffixes.some((x) => name.endsWith(x))) continue;
      return { name, surname: compound ? two : name[0]!, title, org };
    }
  }
  return null;
}

/** Memoised: see parseNameUncached. */
export const parseName = memoString(parseNameUncached);

/**
 * Is `rest` (after a leading title) a name rather than more words? Not a section word (主席致詞,
 * 委員發言重點), not containing a title (主任|秘書室), not ending like an org (…室, …處).
 */
function plausibleGivenName(whole: string, rest: string): boolean {
  const g = grammar();
  if (g.sections.kinds.some((k) => k.keywords.some((w) => whole.startsWith(w) || rest.startsWith(w)))) return false;
  if (g.people.orgSuffixes.some((x) => rest.endsWith(x))) return false;
  for (let i = 0; i < rest.length; i++) for (let j = i + 2; j <= rest.length; j++) if (titles().has(rest.slice(i, j))) return false;
  return true;
}

export function person(raw: string, parts: NameParts = parseName(raw)): Person {
  return { name: parts.name, surname: parts.surname, title: parts.title, org: parts.org, raw };
}


/** Regex source of every known title, longest first (for extractors that scan for titles). */
export const titleAlternation = derived((g) => alternation(g.people.titles));

/** Split `main(paren)(paren)` into the main text and its bracketed notes, either bracket width. */
export function splitParens(s: string): { main: string; notes: string[] } {
  const notes: string[] = [];
  let main = s.trim();
  for (;;) {
    const m = /[(（]([^()（）]*)[)）]\s*$/u.exec(main);
    if (!m) break;
    notes.unshift(m[1]!.trim());
    main = main.slice(0, m.index).trim();
  }
  return { main, notes };
}
