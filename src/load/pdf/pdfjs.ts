import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { toBase64 } from './base64.js';

/** The part of the pdfjs-dist module this loader uses (typed from the package's own declarations). */
export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const require = createRequire(import.meta.url);
let cached: Promise<Pdfjs> | null = null;
let assets: { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } | null = null;

/** Folder of the installed pdfjs-dist package, with a trailing slash on derived asset paths. */
export function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  if (assets) return { ...assets }; // require.resolve walks the file system: once per process
  const dir = dirname(require.resolve('pdfjs-dist/package.json'));
  // pdfjs in Node reads these with fs: plain paths ending in '/', not file:// URLs (stack.md).
  assets = {
    cMapUrl: join(dir, 'cmaps') + '/',
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    wasmUrl: join(dir, 'wasm') + '/',
  };
  return { ...assets };
}

/**
 * Import the legacy build once, lazily: it costs ~220 ms and ~78 MiB, which text and Markdown
 * inputs should not pay. Works on the main thread and in worker_threads (pdfjs runs a same-thread
 * "fake worker" in Node, so no worker setup is needed).
 */
export function loadPdfjs(): Promise<Pdfjs> {
  const hadToBase64 = 'toBase64' in Uint8Array.prototype;
  cached ??= keepingNativeBuiltins(async () => {
    const stubbed = installStubs();
    // Without canvas pdfjs prints "Cannot load @napi-rs/canvas" at import, before any verbosity
    // option applies: drop exactly those lines while importing.
    const warn = console.warn;
    if (stubbed) {
      console.warn = (...args: unknown[]) => {
        if (!(typeof args[0] === 'string' && /^Warning: Cannot (load "@napi-rs\/canvas"|polyfill)/.test(args[0]))) warn(...args);
      };
    }
    try {
      const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as Pdfjs;
      // The "fake worker" would import this on the first getDocument, installing its polyfills
      // after ours are restored; importing it now sets globalThis.pdfjsWorker, which pdfjs uses.
      await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      if (!hadToBase64) useNativeBase64();
      return pdfjs;
    } finally {
      console.warn = warn;
    }
  }).catch((e: unknown) => {
    cached = null; // let a later call retry rather than caching the failure
    throw e;
  });
  return cached;
}

/**
 * Make pdf.js inflate Flate streams itself. When the global has `DecompressionStream`, pdf.js 5.6
 * sends every stream through it (each page's content, once for the text and again for the operator
 * list, and every embedded font): web-stream plumbing, promises and a libuv threadpool round trip
 * per stream. On Node 20 that costs 25–60 % more CPU per PDF than pdf.js's own inflater (bench:
 * raw getTextContent over the sample PDFs both ways). It removes a global, so only code that owns
 * its process or thread calls it: the CLI and the archive workers. A host application may do the same.
 */
export function useSynchronousInflate(): void {
  delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
}

/**
 * Built-ins the legacy build's core-js polyfills may overwrite. core-js *replaces* some methods the
 * engine already has over spec corner cases pdfjs never meets: on Node 20, Array.prototype.push
 * (length past 2^53) and JSON.parse/stringify (source text, rawJSON) become JavaScript
 * re-implementations several times slower, for the whole process: our own parser, a batch worker's
 * JSON output and the host application. Methods the engine lacks (Set#union, Promise.withResolvers,
 * Uint8Array#toBase64 …) are added by the import and kept: pdfjs needs those.
 */
const GUARDED_BUILTINS: readonly object[] = [
  Array.prototype, Object, Object.prototype, JSON, Math, Promise, Map.prototype, Set.prototype, WeakMap.prototype,
  String.prototype, Uint8Array, Uint8Array.prototype, Object.getPrototypeOf(Uint8Array.prototype) as object,
];

/** Run `load`, then put back every property of GUARDED_BUILTINS it replaced (added ones stay). */
export async function keepingNativeBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const saved = GUARDED_BUILTINS.map((target) => ({ target, descriptors: Object.getOwnPropertyDescriptors(target) }));
  try {
    return await load();
  } finally {
    for (const { target, descriptors } of saved) {
      for (const key of Reflect.ownKeys(descriptors)) {
        const before = descriptors[key as keyof typeof descriptors] as PropertyDescriptor;
        const now = Object.getOwnPropertyDescriptor(target, key);
        if (now && (now.value !== before.value || now.get !== before.get || now.set !== before.set) && now.configurable) {
          Object.defineProperty(target, key, before);
        }
      }
    }
  }
}

/** Swap the core-js `Uint8Array#toBase64` the import just added for one on Node's encoder (see base64.ts). */
function useNativeBase64(): void {
  const added = Object.getOwnPropertyDescriptor(Uint8Array.prototype, 'toBase64');
  if (!added?.configurable) return;
  Object.defineProperty(Uint8Array.prototype, 'toBase64', Object.assign({}, added, { value: toBase64 }));
}

/**
 * The legacy build evaluates `new DOMMatrix()` at import. It polyfills DOMMatrix from the optional
 * `@napi-rs/canvas`; when that is absent (`--omit=optional`) minimal stubs are enough, because
 * text extraction never renders. They are installed only then, so a host with canvas is untouched.
 * Returns whether stubs were installed.
 */
function installStubs(): boolean {
  const g = globalThis as { DOMMatrix?: unknown };
  if (g.DOMMatrix !== undefined) return false;
  try {
    require.resolve('@napi-rs/canvas', { paths: [dirname(require.resolve('pdfjs-dist/package.json'))] });
    return false; // pdfjs will take DOMMatrix from the canvas package itself
  } catch {
    // fall through to the stub
  }
  class DOMMatrixStub {
    a = 1; b = 0; c = 0; d = 1; e = 0; f = 0;
    multiplySelf(): this { return this; }
    preMultiplySelf(): this { return this; }
    translate(): this { return this; }
    scale(): this { return this; }
    invertSelf(): this { return this; }
  }
  g.DOMMatrix = DOMMatrixStub;
  // Also used only for rendering; stubbing them keeps pdfjs from printing import-time warnings.
  const h = globalThis as { ImageData?: unknown; Path2D?: unknown };
  h.ImageData ??= class ImageDataStub {};
  h.Path2D ??= class Path2DStub {};
  return true;
}
