import { alternation, charClass } from '../grammars/load.js';
import { derived } from '../grammars/compiled.js';

/** The OCR confusion table (grammars/ocr.json), typed, with its patterns compiled once. */
export interface OcrGrammar {
  digitLookalikes: Record<string, string>;
  counts: [string, string][];
  markerLookalikes: Record<string, string>;
  markerEnds: string[];
  markerBrackets: [string, string][];
  /** Each character of a look-alike group → the others of its group (宇 → [字]). */
  nameLookalikes: Map<string, string[]>;
  /** A run of digits and look-alikes between a count's opening and closing words (第…次). */
  countRe: RegExp;
  /** 2–4 and 1–2 "digits" before each date part (captured too): 112年O8月1l日. */
  dateRe: RegExp;
  /** A look-alike standing where a heading numeral belongs: `-、`, `(-)` at the start of a line. */
  markerRe: RegExp;
}

/** The OCR table (grammars/ocr.json, one of the grammar's tables) with its patterns, built once per grammar. */
export const ocrGrammar = derived((g): OcrGrammar => {
  const { digitLookalikes, markerLookalikes } = g.ocr;
  const markerEnds = g.ocr.markerEnds;
  const markerBrackets = g.ocr.markerBrackets;
  const nameLookalikes = new Map<string, string[]>();
  for (const group of g.ocr.nameLookalikes) {
    const chars = [...group];
    for (const ch of chars) nameLookalikes.set(ch, [...(nameLookalikes.get(ch) ?? []), ...chars.filter((x) => x !== ch)]);
  }
  // The counts a title writes (第 N 屆, 第 N 次, 第 N 會期) and a date's parts, from the grammar's own tables.
  const units = g.fields.countUnits;
  const counts: [string, string][] = g.numerals.ordinalPrefixes.flatMap((open) => [...units.term, ...units.session, ...units.period].map((close): [string, string] => [open, close]));
  const digit = `[0-9${charClass(Object.keys(digitLookalikes))}]`;
  const look = `[${charClass(Object.keys(markerLookalikes))}]`;
  const { year, month, day } = g.time.dateParts;
  return {
    digitLookalikes,
    counts,
    markerLookalikes,
    markerEnds,
    markerBrackets,
    nameLookalikes,
    countRe: new RegExp(`(${alternation(counts.map((p) => p[0]))}) ?(${digit}{1,4}) ?(${alternation(counts.map((p) => p[1]))})`, 'gu'),
    dateRe: new RegExp(`(${digit}{2,4}) ?(${alternation(year)}) ?(${digit}{1,2}) ?(${alternation(month)}) ?(${digit}{1,2}) ?(${alternation(day)})`, 'gu'),
    markerRe: new RegExp(`^( *)(?:(${look}) ?(${alternation(markerEnds)})|(${alternation(markerBrackets.map((p) => p[0]))}) ?(${look}) ?(${alternation(markerBrackets.map((p) => p[1]))}))`, 'u'),
  };
});
