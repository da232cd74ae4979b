import { grammar, derived } from '../grammars/index.js';
import { foldName } from './fold.js';

/** Why a mention's name is not taken as a person (grammars/identity.json says what a name looks like). */
export type NotAPerson = 'non-name-word' | 'title' | 'organisation' | 'shape' | 'unknown-surname';

const HAN = /^\p{Script=Han}+$/u;
const LATIN = /^[A-Za-z][A-Za-z .'-]*[A-Za-z.]$/;

/**
 * Is this a person's name, or something an extractor took for one? A name is a Han name of
 * 2–4 ideographs that starts with a surname (a compound one counts), a transliteration with a
 * middle dot (瓦歷斯·貝林), or a Latin-letter name. Never a name: election vocabulary and list
 * words (候選人, 人選, 名單), a bare title or a surname with a title (理事長, 張委員), an
 * organisation (…大學, …學會, …局, …處: `nonNameEndings`), a fragment with punctuation or digits.
 *
 * @example
 *   notAPerson('張祥光');  // null
 *   notAPerson('候選人');  // 'non-name-word'
 *   notAPerson('張委員');  // 'title'
 */
export function notAPerson(name: string): NotAPerson | null {
  const id = grammar().identity;
  const folded = foldName(name);
  if (!folded) return 'shape';
  if (id.nonNames.some((w) => folded.includes(w))) return 'non-name-word';
  if (titleEnding().some((t) => folded.endsWith(t))) return 'title';
  if (orgEnding().some((s) => folded.endsWith(s)) || id.nonNameEndings.some((s) => folded.endsWith(s))) return 'organisation';
  if (LATIN.test(name.trim())) return name.trim().length <= id.latinNameMaxLength ? null : 'shape';
  const parts = splitOnDots(folded, id.nameDots);
  if (parts.length > 1) return parts.every((p) => HAN.test(p) || LATIN.test(p)) ? null : 'shape';
  const [min, max] = id.hanNameLength;
  if (!HAN.test(folded) || folded.length < min || folded.length > max) return 'shape';
  const compound = grammar().people.compoundSurnames.some((s) => folded.startsWith(s) && folded.length > s.length);
  return compound || id.surnames.has(folded[0]!) ? null : 'unknown-surname';
}

/**
 * Is this an organisation's name? Refused: addresses (a digit and an address word: 路, 號, 樓,
 * Rd, No.), sentence fragments (punctuation), and strings longer than a name can be.
 */
export function isOrganisationName(name: string | null | undefined): name is string {
  const id = grammar().identity;
  const text = name?.trim() ?? '';
  if (!text || text.length > id.orgMaxLength) return false;
  for (const ch of text) if (id.orgStopMarks.includes(ch)) return false;
  return !(DIGIT.test(text) && id.addressMarks.some((m) => text.includes(m)));
}

const DIGIT = /[0-9０-９]/;

function splitOnDots(text: string, dots: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (const ch of text) {
    if (dots.includes(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** Titles of two ideographs or more (a one-character title such as 長 ends real names). */
const titleEnding = derived((g) => g.people.titles.filter((t) => t.length >= 2).map(foldName));

const orgEnding = derived((g) => g.people.orgSuffixes.filter((s) => s.length >= 2).map(foldName));
