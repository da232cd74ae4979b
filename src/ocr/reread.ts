import type { OcrEngine } from './engine.js';
import type { LinePieces } from './words.js';

/**
 * Characters the engine is unsure of, read again from their piece enlarged. Tesseract reads a page at
 * the page's resolution, where a name's strokes are two or three pixels wide, and a dense character
 * (輝, 茹, 萍, 丞) comes out as another (交, 始, 菠, 孖) with a low confidence. A short piece of ink (a
 * word or a name, at most MAX_CHARS characters: the piece the layout already cut at blank gaps)
 * holding a Chinese character below UNSURE is cut out of the page with a margin and read again as one
 * word at each of the ENLARGEMENTS.
 *
 * One enlarged reading is not to be trusted alone: its confidences swing from 0 to 80 between crops a
 * pixel apart. So the readings vote. A reading takes part only where it is aligned with the first one
 * (as many characters, and the same character wherever the first reading was sure: a reading that
 * drops or adds a character shifts every one after it). An unsure Chinese character is replaced by
 * another Chinese character only when most of the readings read that same character and are sure of it
 * (at least UNSURE); otherwise it stays as first read. A vote counts the engine's confidence in the
 * character itself (its symbol), not in the word: a single character read right is often a word the
 * engine gives 0, for the blank around it.
 */

/** Below this confidence (0–100) a character is unsure (a word the engine read well is at 85–96). */
export const UNSURE = 60;
/** Pieces longer than this are lines of text, not a word or a name: not read again. */
export const MAX_CHARS = 8;
/** The enlargements a piece is read again at (smoothed: strokes several pixels wide). */
export const ENLARGEMENTS = [1.5, 2, 3] as const;
/** At most this many pieces a page are read again (each costs a few tens of milliseconds a reading). */
export const MAX_PIECES = 40;
/** Margin (em) kept around a piece cut out of the page. */
const MARGIN = 0.25;

const HAN = /^\p{Script=Han}$/u;

export interface Reread {
  from: string;
  to: string;
  /** How many of the enlarged readings agreed on each changed character, and how many there were. */
  votes: number;
  readings: number;
}

/** A rectangle of the page (pixels), enlarged, as a PNG. */
export type Enlarge = (rect: { left: number; top: number; width: number; height: number }, factor: number) => Uint8Array;

interface ReadChar {
  ch: string;
  confidence: number;
}

/** Read the unsure pieces of a page's lines again (see above); pieces are changed in place; the changes are returned. */
export async function rereadUnsure(engine: OcrEngine, lines: readonly LinePieces[], size: { width: number; height: number }, enlarge: Enlarge): Promise<Reread[]> {
  const changes: Reread[] = [];
  let budget = MAX_PIECES;
  for (const { band, pieces } of lines) {
    for (const piece of pieces ?? []) {
      const chars = [...piece.text];
      const kept = chars.map((ch, i) => ({ ch, i })).filter(({ ch }) => ch.trim() !== '');
      const unsure = kept.map((_, k) => k).filter((k) => HAN.test(kept[k]!.ch) && piece.confidences[kept[k]!.i]! < UNSURE);
      if (kept.length > MAX_CHARS || unsure.length === 0) continue;
      if (budget-- <= 0) return changes;
      const margin = Math.round(MARGIN * (band.y1 - band.y0));
      const left = Math.max(0, Math.floor(piece.x0) - margin);
      const top = Math.max(0, Math.floor(band.y0) - margin);
      const right = Math.min(size.width, Math.ceil(piece.x1) + margin);
      const bottom = Math.min(size.height, Math.ceil(band.y1) + margin);
      if (right <= left || bottom <= top) continue;
      const readings: ReadChar[][] = [];
      for (const factor of ENLARGEMENTS) {
        const result = await engine.recognize(enlarge({ left, top, width: right - left, height: bottom - top }, factor), undefined, 'word');
        const again = result.lines
          .flatMap((l) => l.words)
          .flatMap((w) => (w.symbols ?? [...w.text].map((text) => ({ text, confidence: undefined as number | undefined }))).map((s) => ({ ch: s.text, confidence: s.confidence ?? w.confidence })));
        const aligned = again.length === kept.length && kept.every(({ ch, i }, k) => piece.confidences[i]! < UNSURE || again[k]!.ch === ch);
        if (aligned) readings.push(again);
      }
      const next = [...chars];
      let least = Infinity;
      for (const k of unsure) {
        const { ch, i } = kept[k]!;
        const tally = new Map<string, number[]>();
        for (const r of readings) if (r[k]!.confidence >= UNSURE && HAN.test(r[k]!.ch)) tally.set(r[k]!.ch, [...(tally.get(r[k]!.ch) ?? []), r[k]!.confidence]);
        const [best, confidences] = [...tally].sort((a, b) => b[1].length - a[1].length)[0] ?? [ch, []];
        if (best === ch || confidences.length * 2 <= ENLARGEMENTS.length) continue;
        next[i] = best;
        piece.confidences[i] = Math.min(...confidences);
        least = Math.min(least, confidences.length);
      }
      if (least === Infinity) continue;
      changes.push({ from: piece.text, to: next.join(''), votes: least, readings: ENLARGEMENTS.length });
      piece.text = next.join('');
    }
  }
  return changes;
}
