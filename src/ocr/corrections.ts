import { alternation, derived } from '../grammars/index.js';
import { ocrGrammar } from './grammar.js';

/**
 * A field label of the grammar (出席人員, 主席 …) at the start of a line, after a heading marker or not,
 * followed by a semicolon: OCR's reading of the colon printed there (：and ； differ by a dot).
 */
const labelSemicolon = derived((g) => new RegExp(`^(\\s*(?:\\p{Script=Han}、\\s*)?(?:${alternation(Object.values(g.fields.fields).flat())})) ?[;；]`, 'u'));

export interface OcrCorrection {
  /** Line index on the page. */
  line: number;
  from: string;
  to: string;
}

/**
 * Correct what OCR of Chinese minutes is known to misread, only where the grammar is sure: digits
 * read as letters inside a count (第1O次 → 第10次) or a date (112年O8月1l日), and a heading numeral
 * read as a dash at the start of a line (`-、` → `一、`, `(-)` → `(一)`), and the colon after a field
 * label at the start of a line read as a semicolon (`出席人員;` → `出席人員:`). A run made only of
 * look-alikes is left alone (第III次 is not a misread number). Returns the corrected lines and
 * every change, for the `ocr-corrected` diagnostics: nothing is corrected silently.
 */
export function correctOcrLines(lines: readonly string[]): { lines: string[]; corrections: OcrCorrection[] } {
  const g = ocrGrammar();
  const corrections: OcrCorrection[] = [];
  const digits = (run: string): string | null => {
    if (!/[0-9]/.test(run)) return null;
    const fixed = [...run].map((ch) => g.digitLookalikes[ch] ?? ch).join('');
    return fixed === run ? null : fixed;
  };
  const out = lines.map((text, line) => {
    let t = text.replace(g.countRe, (whole: string, open: string, run: string, close: string) => {
      const fixed = digits(run);
      if (fixed === null) return whole;
      const to = open + fixed + close;
      corrections.push({ line, from: whole, to });
      return to;
    });
    t = t.replace(g.dateRe, (whole: string, a: string, y: string, b: string, m: string, c: string, d: string) => {
      const fa = digits(a) ?? a;
      const fb = /[0-9]/.test(b) || fa !== a ? ([...b].map((ch) => g.digitLookalikes[ch] ?? ch).join('')) : b;
      const fc = /[0-9]/.test(c) || fa !== a ? ([...c].map((ch) => g.digitLookalikes[ch] ?? ch).join('')) : c;
      const to = `${fa}${y}${fb}${m}${fc}${d}`;
      if (!/^[0-9]+$/.test(fa + fb + fc) || to === whole.replace(/ /g, '')) return whole;
      corrections.push({ line, from: whole, to });
      return to;
    });
    const label = labelSemicolon().exec(t);
    if (label) {
      const to = `${label[1]}:`;
      corrections.push({ line, from: label[0].trim(), to: to.trim() });
      t = to + t.slice(label[0].length);
    }
    const m = g.markerRe.exec(t);
    if (m) {
      const [whole, indent = '', dash, end, open, dash2, close] = m;
      const to = dash ? `${indent}${g.markerLookalikes[dash]}${end}` : `${indent}${open}${g.markerLookalikes[dash2!]}${close}`;
      corrections.push({ line, from: whole.trim(), to: to.trim() });
      t = to + t.slice(whole.length);
    }
    return t;
  });
  return { lines: out, corrections };
}
