// People written with spaces between their parts: a post or a unit, a space, the person (區長 王大明,
// 秘書室 王曉明, 中華民國老人福利推動聯盟 吳玉琴秘書長), and the words that name a person at all.
import { grammar, derived } from '../grammars/index.js';
import { parseName, splitParens } from './person.js';
import { isHeaderLabel, sectionKind } from '../segment/kinds.js';

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;
const HAN_WORD = /^\p{Script=Han}{2,10}$/u;
/** Another field on the line (`記錄：李佩珊`) ends the value. */
const FIELD_CUT = /^[^:：]{1,8}[:：]/u;
const titleSet = derived((g) => new Set(g.people.titles));

function startsWithSurname(x: string): boolean {
  const p = grammar().people;
  return p.surnames.some((n) => x.startsWith(n)) || p.compoundSurnames.some((n) => x.startsWith(n));
}

function endsWithTitle(words: string): boolean {
  for (let k = 2; k <= Math.min(6, words.length); k++) if (titleSet().has(words.slice(-k))) return true;
  return false;
}

/** Words naming a unit, not a post: they end like an org (秘書室, 工務局) and not with a title. */
function isUnit(words: string): boolean {
  return !endsWithTitle(words) && grammar().people.orgSuffixes.some((x) => words.endsWith(x));
}

/** Words naming a post or a unit: they end with a known title (區長, 主任秘書) or like an org (秘書室, 工務局). */
function postOrUnit(words: string): boolean {
  return endsWithTitle(words) || isUnit(words);
}

/** A word that names a person: a bare name starting with a known surname (李小華), or a titled person with one (王委員; not 機關代表). */
export function isName(w: string): boolean {
  const p = parseName(w);
  return (HAN_NAME.test(w) && startsWithSurname(w) && p.title === null) || (p.title !== null && p.surname !== null && p.org === null && startsWithSurname(p.surname));
}

export interface SpacedPerson {
  /** The words before the person: a unit (秘書室), a post (區長), or both (民政局 局長). */
  unit: string | null;
  post: string | null;
  person: string;
}

/**
 * People written as words, a space, then the name: a post or a unit before the name (區長 王大明,
 * 召集委員 李大仁, 秘書室 王曉明, 工務局 陳股長建志, 簡任秘書 盧焜鑫 簡任編審 蔡淑珍). Each name — one
 * starting with a known surname, or a titled person — closes a group; the words before it are short runs
 * of ideographs naming a post or a unit; with `anyWords` (a header, where no one speaks yet) any short
 * words. Another field on the same line (`記錄：…`) ends the value. The first person, or null when the
 * value is not written so (謝謝 王委員 is said).
 */
export function spacedPerson(value: string, anyWords = false): SpacedPerson | null {
  const all = value.trim().split(/[\s\u3000]+/u).filter(Boolean);
  const cut = all.findIndex((w, i) => i > 0 && FIELD_CUT.test(w));
  const words = splitParens((cut > 0 ? all.slice(0, cut) : all).join(' ')).main.trim().split(/[\s\u3000]+/u).filter(Boolean);
  if (words.length < 2 || words.length > 8 || !words.every((w) => HAN_WORD.test(w))) return null;
  if (grammar().records.spokenOpeners.some((w) => words[0]!.startsWith(w))) return null;
  let first: SpacedPerson | null = null;
  let group: string[] = [];
  for (const w of words) {
    if (group.length > 0 && isName(w)) {
      if (group.length > 2 || (!anyWords && !postOrUnit(group.join('')))) return null;
      const unitOnly = group.length === 1 && isUnit(group[0]!);
      first ??= group.length === 2 ? { unit: group[0]!, post: group[1]!, person: w } : unitOnly ? { unit: group[0]!, post: null, person: w } : { unit: null, post: group[0]!, person: w };
      group = [];
    } else group.push(w);
  }
  return group.length === 0 ? first : null;
}

/**
 * A speaker written as a unit, a space, then the person (中華民國老人福利推動聯盟 吳玉琴秘書長, 台灣長期照顧發展協會
 * 林專員志偉): the person is read on their own, the unit is their org — a word ending like one, or any run of four
 * ideographs or more that is no section or field word (a society's name need not end like a government unit; 臨時動議
 * is a section). Null when the label is not so written.
 */
export function unitThenPerson(label: string): { unit: string; person: string } | null {
  const words = label.trim().split(/[\s\u3000]+/u);
  if (words.length !== 2) return null;
  const [unit, who] = words as [string, string];
  if (!/^\p{Script=Han}{2,}$/u.test(unit) || !(isUnit(unit) || (unit.length >= 4 && !endsWithTitle(unit) && sectionKind(unit) === 'other' && !isHeaderLabel(unit))) || !/^\p{Script=Han}{2,12}$/u.test(who)) return null;
  return { unit, person: who };
}

/**
 * A unit named by its head's title: the person after it heads a unit of that kind (留仁里 周里長淑惠 — a 里長
 * heads a 里; 民政課 陳課長建宏). The unit ends with the character before the title's head word (people.json unitHeadEnds).
 */
export function headedUnit(unit: string, person: string): boolean {
  if (!/^\p{Script=Han}{2,10}$/u.test(unit)) return false;
  const t = parseName(person).title;
  return t !== null && grammar().people.unitHeadEnds.some((e) => t.length === 1 + e.length && t.endsWith(e) && unit.endsWith(t[0]!));
}
