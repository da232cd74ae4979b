import { escapeRegExp, readTable } from '../grammars/load.js';
import { derived } from '../grammars/compiled.js';

/** The OCR confusion table (grammars/ocr.json), typed, with its patterns compiled once. */
export interface OcrGrammar {
  digitLookalikes: Record<string, string>;
  counts: [string, string][];
  dateParts: string[];
  markerLookalikes: Record<string, string>;
  markerEnds: string[];
  markerBrackets: [string, string][];
  /** Each character of a look-alike group → the others of its group (宇 → [字]). */
  nameLookalikes: Map<string, string[]>;
  /** A run of digits and look-alikes between a count's opening and closing words (第…次). */
  countRe: RegExp;
  /** 2–4 and 1–2 "digits" before each date part: 112年O8月1l日. */
  dateRe: RegExp;
  /** A look-alike standing where a heading numeral belongs: `-、`, `(-)` at the start of a line. */
  markerRe: RegExp;
}

/**
 * The OCR table is not one of the grammar's tables (an overlay cannot extend it yet): it is read from
 * the package's grammars/ folder, once per grammar in force, as every derived value is.
 */
export const ocrGrammar = derived((): OcrGrammar =>
  readTable('ocr.json', (raw, c) => {
    const o = c.obj(raw, '');
    const pairs = (key: string): [string, string][] => {
      const v = o[key];
      if (!Array.isArray(v) || v.some((p) => !Array.isArray(p) || p.length !== 2 || p.some((s) => typeof s !== 'string' || !s)))
        throw new Error(`grammars/ocr.json: "${key}" must be a list of [open, close] pairs`);
      return v as [string, string][];
    };
    const strMap = (key: string): Record<string, string> => {
      const m = c.obj(o[key], key);
      for (const [k, v] of Object.entries(m)) c.string(v, `${key}.${k}`);
      return m as Record<string, string>;
    };
    const digitLookalikes = strMap('digitLookalikes');
    const markerLookalikes = strMap('markerLookalikes');
    const counts = pairs('counts');
    const dateParts = c.strings(o.dateParts, 'dateParts');
    const markerEnds = c.strings(o.markerEnds, 'markerEnds');
    const markerBrackets = pairs('markerBrackets');
    const nameLookalikes = new Map<string, string[]>();
    for (const group of c.strings(o.nameLookalikes, 'nameLookalikes')) {
      const chars = [...group];
      for (const ch of chars) nameLookalikes.set(ch, [...(nameLookalikes.get(ch) ?? []), ...chars.filter((x) => x !== ch)]);
    }
    const digit = `[0-9${Object.keys(digitLookalikes).map(escapeRegExp).join('')}]`;
    const alt = (xs: string[]) => xs.map(escapeRegExp).join('|');
    const look = `[${Object.keys(markerLookalikes).map(escapeRegExp).join('')}]`;
    const [y, m, d] = dateParts as [string, string, string];
    return {
      digitLookalikes,
      counts,
      dateParts,
      markerLookalikes,
      markerEnds,
      markerBrackets,
      nameLookalikes,
      countRe: new RegExp(`(${alt(counts.map((p) => p[0]))}) ?(${digit}{1,4}) ?(${alt(counts.map((p) => p[1]))})`, 'gu'),
      dateRe: new RegExp(`(${digit}{2,4}) ?${escapeRegExp(y)} ?(${digit}{1,2}) ?${escapeRegExp(m)} ?(${digit}{1,2}) ?${escapeRegExp(d)}`, 'gu'),
      markerRe: new RegExp(`^( *)(?:(${look}) ?(${alt(markerEnds)})|(${alt(markerBrackets.map((p) => p[0]))}) ?(${look}) ?(${alt(markerBrackets.map((p) => p[1]))}))`, 'u'),
    };
  }),
);
