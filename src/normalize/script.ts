import * as OpenCC from 'opencc-js';
import type { Diagnostic } from '../types.js';
import { MappedBuilder, identity, type MappedText } from './mapped.js';

type Convert = (s: string) => string;
let converters: { toSimplified: Convert; toTraditional: Convert } | null = null;
/** Built on first use: loading the dictionaries costs ~100 ms and most documents never need them. */
function opencc() {
  converters ??= { toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }), toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }) };
  return converters;
}

/** Characters that only Simplified text has must outnumber the Traditional-only ones this many times. */
const SIMPLIFIED_DOMINANCE = 2;
/** Fewer Simplified-only characters than this is noise (a quoted name, a typo), not a Simplified document. */
const MIN_SIMPLIFIED_CHARS = 8;

function countChanged(a: string, b: string): number {
  if (a.length !== b.length) return Math.abs(a.length - b.length);
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) n++;
  return n;
}

/**
 * Is the text written in Simplified characters? Converting Traditional → Simplified changes every
 * Traditional-only character; Simplified → Traditional changes every Simplified-only one. Whichever
 * set is present dominates. (Never run cn→tw on Traditional text: it rewrites 台→臺 and 游→遊 in names.)
 */
export function detectSimplified(text: string): { simplified: boolean; simplifiedChars: number; traditionalChars: number } {
  const { toSimplified, toTraditional } = opencc();
  const sample = text.length > 50_000 ? text.slice(0, 50_000) : text;
  const traditionalChars = countChanged(sample, toSimplified(sample));
  const simplifiedChars = countChanged(sample, toTraditional(sample));
  const simplified = simplifiedChars >= MIN_SIMPLIFIED_CHARS && simplifiedChars > SIMPLIFIED_DOMINANCE * traditionalChars;
  return { simplified, simplifiedChars, traditionalChars };
}

/** Simplified → Traditional (Taiwan), only when the text is detected as Simplified. Line by line, so offsets stay close. */
export function convertSimplified(input: string): { mapped: MappedText; diagnostics: Diagnostic[] } {
  const found = detectSimplified(input);
  if (!found.simplified) return { mapped: identity(input), diagnostics: [] };
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
