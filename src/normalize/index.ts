import type { Diagnostic } from '../types.js';
import { normalizeCharacters } from './characters.js';
import { compose, type MappedText } from './mapped.js';
import { convertSimplified } from './script.js';
import { normalizeLines } from './lines.js';

export { normalizeCharacters } from './characters.js';
export { convertSimplified, detectSimplified } from './script.js';
export { normalizeLines, continuesLine, estimateWrapWidth, findPageArtefacts, splitLines, displayWidth } from './lines.js';
export type { MappedText } from './mapped.js';

export interface NormalizedText {
  /** The text every Span points into: one logical line per `\n`, no blank lines. */
  text: string;
  /** origin[i]: offset in the loaded (raw) text of normalised offset i. */
  origin: Int32Array;
  /** 0-based page of each line, or null when the source has no pages. */
  linePages: (number | null)[];
  diagnostics: Diagnostic[];
}

/**
 * The normalise stage: characters (Kangxi, compatibility ideographs, widths), script (Simplified →
 * Traditional, only when detected), then lines (page artefacts, wrapped lines). Each step keeps an
 * offset map, so every span can be traced back to the loaded text.
 */
export function normalize(raw: string, pageStarts: readonly number[] = []): NormalizedText {
  const chars = normalizeCharacters(raw);
  const script = convertSimplified(chars.text);
  // Most documents are already Traditional: composing with an identity map would only cost time.
  const charsAndScript = script.diagnostics.length ? compose(chars, script.mapped) : chars;
  // Page starts are offsets in the raw text; map them forward through the 1:1-ish character steps.
  const forward = pageStarts.length ? forwardMap(charsAndScript, raw.length) : null;
  const lines = normalizeLines(charsAndScript.text, pageStarts.map((p) => forward![p] ?? charsAndScript.text.length));
  const all: MappedText = compose(charsAndScript, lines.mapped);
  const hasPages = pageStarts.length > 0 || raw.includes('\f');
  return {
    text: all.text,
    origin: all.origin,
    linePages: lines.linePages.map((p) => (hasPages ? p : null)),
    diagnostics: [...script.diagnostics, ...lines.diagnostics],
  };
}

/** For each input offset, the first output offset that maps at or after it. */
function forwardMap(m: MappedText, inputLength: number): Int32Array {
  const fwd = new Int32Array(inputLength + 1).fill(-1);
  for (let i = m.origin.length - 1; i >= 0; i--) fwd[m.origin[i]!] = i;
  let next = m.text.length;
  for (let j = inputLength; j >= 0; j--) {
    if (fwd[j]! < 0) fwd[j] = next;
    else next = fwd[j]!;
  }
  return fwd;
}
