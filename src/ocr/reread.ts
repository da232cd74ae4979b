import type { OcrEngine } from './engine.js';
import type { LinePieces } from './words.js';

/**
 * Characters the engine is unsure of, read again from their piece enlarged. Tesseract reads a page at
 * the page's resolution, where a name's strokes are two or three pixels wide, and a dense character
 * (輝, 茹, 萍) comes out as another (交, 始, 菠) with a low confidence. A short piece of ink (a word or a
 * name, at most MAX_CHARS characters: the piece the layout already cut at blank gaps) holding a Chinese
 * character below UNSURE is cut out of the page with a margin, enlarged ENLARGE times, and read again as
 * one word. The new reading replaces the old only where it has as many characters as the piece and
 * differs from it in one character alone, the old character is unsure, both are Chinese characters,
 * and the engine is surer of the new one: a reading it is no surer of changes nothing.
 */

/** Below this confidence (0–100) a character is unsure (a word the engine read well is at 85–96). */
export const UNSURE = 60;
/** Pieces longer than this are lines of text, not a word or a name: not read again. */
export const MAX_CHARS = 8;
/** How many times a piece is enlarged before it is read again. */
export const ENLARGE = 2;
/** At most this many pieces a page are read again (each costs a few tens of milliseconds). */
export const MAX_PIECES = 40;
/** Margin (em) kept around a piece cut out of the page. */
const MARGIN = 0.25;

const HAN = /^\p{Script=Han}$/u;

export interface Reread {
  from: string;
  to: string;
}

/** A rectangle of the page (pixels), enlarged, as a PNG. */
export type Enlarge = (rect: { left: number; top: number; width: number; height: number }, factor: number) => Uint8Array;

/** Read the unsure pieces of a page's lines again (see above); pieces are changed in place; the changes are returned. */
export async function rereadUnsure(engine: OcrEngine, lines: readonly LinePieces[], size: { width: number; height: number }, enlarge: Enlarge): Promise<Reread[]> {
  const changes: Reread[] = [];
  let budget = MAX_PIECES;
  for (const { band, pieces } of lines) {
    for (const piece of pieces ?? []) {
      const chars = [...piece.text];
      const kept = chars.map((ch, i) => ({ ch, i })).filter(({ ch }) => ch.trim() !== '');
      if (kept.length > MAX_CHARS || !kept.some(({ ch, i }) => HAN.test(ch) && piece.confidences[i]! < UNSURE)) continue;
      if (budget-- <= 0) return changes;
      const margin = Math.round(MARGIN * (band.y1 - band.y0));
      const left = Math.max(0, Math.floor(piece.x0) - margin);
      const top = Math.max(0, Math.floor(band.y0) - margin);
      const right = Math.min(size.width, Math.ceil(piece.x1) + margin);
      const bottom = Math.min(size.height, Math.ceil(band.y1) + margin);
      if (right <= left || bottom <= top) continue;
      const result = await engine.recognize(enlarge({ left, top, width: right - left, height: bottom - top }, ENLARGE), undefined, 'word');
      const again = result.lines.flatMap((l) => l.words).flatMap((w) => (w.symbols ?? [...w.text].map((text) => ({ text, confidence: undefined as number | undefined }))).map((s) => ({ ch: s.text, confidence: Math.min(w.confidence, s.confidence ?? 100) })));
      if (again.length !== kept.length) continue;
      // The readings must agree on every other character: that shows they are aligned (a reading that
      // drops or adds a character shifts every one after it: 各單位同 read again as 各各單位).
      const differ = kept.map((_, k) => k).filter((k) => again[k]!.ch !== kept[k]!.ch);
      if (differ.length !== 1) continue;
      const k = differ[0]!;
      const { ch, i } = kept[k]!;
      const a = again[k]!;
      if (!(HAN.test(ch) && HAN.test(a.ch) && piece.confidences[i]! < UNSURE && a.confidence > piece.confidences[i]!)) continue;
      const next = [...chars];
      next[i] = a.ch;
      piece.confidences[i] = a.confidence;
      changes.push({ from: piece.text, to: next.join('') });
      piece.text = next.join('');
    }
  }
  return changes;
}
