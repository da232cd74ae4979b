import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LoadError } from '../load/types.js';

/** One recognised word: its text, its box in image pixels, and the engine's confidence (0–100). */
export interface OcrWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  confidence: number;
  /** The word's characters with their horizontal extents, when the engine gives them (its boxes are rough). */
  symbols?: { text: string; x0: number; x1: number; confidence?: number }[];
}

/** One recognised line: its words and its box (words share the line's baseline). */
export interface OcrLine {
  words: OcrWord[];
  y0: number;
  y1: number;
  /** The line's baseline (pixels from the top), when the engine gives it. */
  baseline?: number;
}

export interface OcrPageResult {
  lines: OcrLine[];
  /** Mean confidence over the page (0–100). */
  confidence: number;
}

export interface Rectangle {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface OcrEngine {
  /** `tesseract.js 7.0.0 (chi_tra+eng, LSTM)`: for `source.ocr` and the diagnostics. */
  readonly name: string;
  readonly version: string;
  readonly languages: string[];
  /**
   * Recognise a page, or one line of it (`line`: its rectangle in the page's pixels); `mode` `'word'`
   * reads the image (or the rectangle) as one word instead of one line.
   */
  recognize(png: Uint8Array, line?: Rectangle, mode?: 'line' | 'word'): Promise<OcrPageResult>;
  terminate(): Promise<void>;
}

/** The optional packages OCR needs, pinned as in package.json's optionalDependencies. */
export const OCR_PACKAGES = ['tesseract.js@7.0.0', '@tesseract.js-data/chi_tra@1.0.0', '@napi-rs/canvas@0.1.100'] as const;

const LANGUAGES = ['chi_tra'] as const;
/**
 * The integer-quantised "best" LSTM model of Traditional Chinese: on minutes it reads headings, dates
 * and names better than tessdata 4.0.0's model (which also turns 年 into A and ： into ﹕), and it reads
 * the Latin letters and digits of these documents too. Adding English (eng) did not help: Chinese must
 * come first or 參、 and 一、 are read as Latin, and chi_tra+eng with both best_int models makes
 * tesseract.js 7 try to load a language with a garbled name (printed on stderr).
 */
const MODEL_DIR = '4.0.0_best_int';

const require = createRequire(import.meta.url);

/**
 * The part of tesseract.js this module uses, declared here so the package compiles and its other
 * tests run without the optional packages installed (their types come with them).
 */
interface TesseractWorker {
  setParameters(params: Record<string, string | number>): Promise<unknown>;
  recognize(image: Buffer, options: { rectangle?: Rectangle }, output: { text: boolean; blocks: boolean }): Promise<{ data: { blocks: unknown[] | null; confidence: number } }>;
  terminate(): Promise<unknown>;
}
interface TesseractModule {
  createWorker(langs: string[], oem: number, options: Record<string, unknown>): Promise<TesseractWorker>;
  OEM: { LSTM_ONLY: number };
  PSM: { SINGLE_BLOCK: string; SINGLE_LINE: string; SINGLE_WORD: string };
}
/** A specifier in a variable: the compiler does not look for the optional package. */
const TESSERACT = 'tesseract.js';

interface TesseractBlock {
  paragraphs: { lines: { bbox: Box; baseline?: Box; words: { text: string; bbox: Box; confidence: number; symbols?: { text: string; bbox: Box; confidence?: number }[] }[] }[] }[];
}
interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function ocrUnavailable(detail: string): LoadError {
  return new LoadError(
    'ocr-unavailable',
    `OCR needs optional packages that are not installed (${detail}). Install them next to twminutes: npm install ${OCR_PACKAGES.join(' ')}`,
  );
}

/**
 * Start a Tesseract worker (tesseract.js: Tesseract compiled to WebAssembly, in a worker thread) with
 * the Traditional Chinese and English models from the installed npm packages. Nothing is fetched: the
 * models are read from disk, the wasm core comes with tesseract.js, and the model cache is off (it
 * would write into the working directory). One engine reads all the OCR pages of a document.
 */
export async function startOcrEngine(): Promise<OcrEngine> {
  let tesseract: TesseractModule;
  const modelFiles: string[] = [];
  try {
    const loaded = (await import(TESSERACT)) as Partial<TesseractModule> & { default?: TesseractModule };
    tesseract = (loaded.createWorker ? loaded : loaded.default) as TesseractModule;
    for (const lang of LANGUAGES) modelFiles.push(join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), MODEL_DIR, `${lang}.traineddata.gz`));
  } catch (e) {
    throw ocrUnavailable((e as Error).message.split('\n')[0]!);
  }
  const version = (require('tesseract.js/package.json') as { version: string }).version;
  // tesseract.js reads every language from one folder: link the two packages' models into one.
  const langPath = mkdtempSync(join(tmpdir(), 'twminutes-ocr-'));
  LANGUAGES.forEach((lang, i) => symlinkSync(modelFiles[i]!, join(langPath, `${lang}.traineddata.gz`)));
  let worker: TesseractWorker;
  try {
    worker = await tesseract.createWorker([...LANGUAGES], tesseract.OEM.LSTM_ONLY, { langPath, cacheMethod: 'none', gzip: true, logger: () => undefined, errorHandler: () => undefined });
  } catch (e) {
    rmSync(langPath, { recursive: true, force: true });
    throw ocrUnavailable(`the OCR engine did not start: ${String((e as Error)?.message ?? e)}`);
  } finally {
    // The worker has read the models by now (or failed): the links are no longer needed.
  }
  rmSync(langPath, { recursive: true, force: true });
  return {
    name: `tesseract.js ${version}`,
    version,
    languages: [...LANGUAGES],
    async recognize(png: Uint8Array, line?: Rectangle, mode?: 'line' | 'word'): Promise<OcrPageResult> {
      const single = mode !== undefined || line !== undefined;
      if (single) await worker.setParameters({ tessedit_pageseg_mode: mode === 'word' ? tesseract.PSM.SINGLE_WORD : tesseract.PSM.SINGLE_LINE });
      let r: Awaited<ReturnType<TesseractWorker['recognize']>>;
      try {
        r = await worker.recognize(Buffer.from(png.buffer, png.byteOffset, png.byteLength), line ? { rectangle: line } : {}, { text: false, blocks: true });
      } finally {
        if (single) await worker.setParameters({ tessedit_pageseg_mode: tesseract.PSM.SINGLE_BLOCK });
      }
      const blocks = (r.data.blocks ?? []) as unknown as TesseractBlock[];
      const lines: OcrLine[] = [];
      for (const b of blocks)
        for (const p of b.paragraphs)
          for (const l of p.lines) {
            const words = l.words
              .filter((w) => w.text.trim() !== '')
              .map((w) => {
                const symbols = (w.symbols ?? []).filter((s) => s.text.trim() !== '').map((s) => Object.assign({ text: s.text.trim(), x0: s.bbox.x0, x1: s.bbox.x1 }, typeof s.confidence === 'number' ? { confidence: s.confidence } : {}));
                const word: OcrWord = { text: w.text.trim(), x0: w.bbox.x0, y0: w.bbox.y0, x1: w.bbox.x1, y1: w.bbox.y1, confidence: w.confidence };
                // Symbols are used only when they spell the word (the engine's text is what counts).
                if (symbols.length && symbols.map((s) => s.text).join('') === word.text) word.symbols = symbols;
                return word;
              });
            if (words.length) lines.push(Object.assign({ words, y0: l.bbox.y0, y1: l.bbox.y1 }, l.baseline ? { baseline: (l.baseline.y0 + l.baseline.y1) / 2 } : {}));
          }
      return { lines, confidence: r.data.confidence };
    },
    async terminate(): Promise<void> {
      await worker.terminate();
    },
  };
}
