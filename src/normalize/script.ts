import * as OpenCC from 'opencc-js';
import type { Diagnostic } from '../types.js';
import { MappedBuilder, type MappedText } from './mapped.js';

type Convert = (s: string) => string;
/** Unchanged text: callers skip composing (see normalize), so no map is built. */
const NO_MAP = new Int32Array(0);

let converter: Convert | null = null;
/** Built on first use: loading the dictionaries costs ~100 ms and most documents never need them. */
function opencc() {
  const toTraditional: Convert = (converter ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return { toTraditional };
}

/** Characters that only Simplified text has must outnumber the Traditional-only ones this many times. */
const SIMPLIFIED_DOMINANCE = 2;
/** Fewer Simplified-only characters than this is noise (a quoted name, a typo), not a Simplified document. */
const MIN_SIMPLIFIED_CHARS = 8;

const SIMPLIFIED_ONLY = 1;
const TRADITIONAL_ONLY = 2;
let scriptOfUnit: Uint8Array | null = null;

/**
 * Characters that change under OpenCC's single-character tables (STCharacters, TSCharacters): the
 * Simplified-only and the Traditional-only ones, as a table indexed by UTF-16 code unit. Built once;
 * counting them is one pass over the text, far cheaper than converting it twice.
 */
function scriptTable(): Uint8Array {
  if (scriptOfUnit) return scriptOfUnit;
  const fromTable = (table: unknown): Set<number> => {
    const set = new Set<number>();
    for (const entry of String(table).split('|')) {
      const [key, values] = entry.split(' ');
      if (key && values && [...key].length === 1 && !values.split(/\s+/).includes(key)) set.add(key.codePointAt(0)!);
    }
    return set;
  };
  const st = (OpenCC.Locale.from.cn as unknown as string[][])[0]![1];
  const ts = (OpenCC.Locale.to.cn as unknown as string[][])[0]![1];
  const table = new Uint8Array(0x10000);
  // Ideographs only (from U+3400); astral ones never match, as the text is scanned by code unit.
  const ideograph = (c: number) => c >= 0x3400 && c < 0x10000;
  for (const c of fromTable(ts)) if (ideograph(c)) table[c] = TRADITIONAL_ONLY;
  for (const c of fromTable(st)) if (ideograph(c)) table[c] = SIMPLIFIED_ONLY;
  scriptOfUnit = table;
  return table;
}

/**
 * Is the text written in Simplified characters? Count characters that exist only in Simplified and only
 * in Traditional; whichever set is present dominates. (Never run cn→tw on Traditional text: it rewrites
 * 台→臺 and 游→遊 in names.)
 */
export function detectSimplified(text: string): { simplified: boolean; simplifiedChars: number; traditionalChars: number } {
  const table = scriptTable();
  let simplifiedChars = 0;
  let traditionalChars = 0;
  for (let i = 0; i < text.length; i++) {
    const script = table[text.charCodeAt(i)];
    if (script === 0) continue;
    if (script === SIMPLIFIED_ONLY) simplifiedChars++;
    else {
      traditionalChars++;
      // Decided: plainly Traditional (a few Simplified-only characters are noise in any text).
      if (traditionalChars >= 400 && simplifiedChars * SIMPLIFIED_DOMINANCE * 4 < traditionalChars) break;
    }
  }
  const simplified = simplifiedChars >= MIN_SIMPLIFIED_CHARS && simplifiedChars > SIMPLIFIED_DOMINANCE * traditionalChars;
  return { simplified, simplifiedChars, traditionalChars };
}

/** Simplified → Traditional (Taiwan), only when the text is detected as Simplified. Line by line, so offsets stay close. */
export function convertSimplified(input: string): { mapped: MappedText; diagnostics: Diagnostic[] } {
  const found = detectSimplified(input);
  if (!found.simplified) return { mapped: { text: input, origin: NO_MAP }, diagnostics: [] };
  const { toTraditional } = opencc();
  const b = new MappedBuilder();
  let start = 0;
  while (start <= input.length) {
    let end = input.indexOf('\n', start);
    if (end < 0) end = input.length;
    const line = input.slice(start, end);
    const converted = toTraditional(line);
    if (converted === line) b.copy(input, start, end);
    else b.replace(converted, start, end);
    if (end < input.length) b.copy(input, end, end + 1);
    start = end + 1;
  }
  return {
    mapped: b.build(input.length),
    diagnostics: [
      {
        severity: 'info',
        code: 'simplified-converted',
        message: `The text is in Simplified characters (${found.simplifiedChars} Simplified-only vs ${found.traditionalChars} Traditional-only); it was converted to Traditional (Taiwan) with OpenCC before parsing. Names may differ from their Traditional spelling.`,
      },
    ],
  };
}
