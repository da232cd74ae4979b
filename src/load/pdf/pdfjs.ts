import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The part of the pdfjs-dist module this loader uses (typed from the package's own declarations). */
export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const require = createRequire(import.meta.url);
let cached: Promise<Pdfjs> | null = null;

/** Folder of the installed pdfjs-dist package, with a trailing slash on derived asset paths. */
export function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const dir = dirname(require.resolve('pdfjs-dist/package.json'));
  // pdfjs in Node reads these with fs: plain paths ending in '/', not file:// URLs (stack.md).
  return {
    cMapUrl: join(dir, 'cmaps') + '/',
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    wasmUrl: join(dir, 'wasm') + '/',
  };
}

/**
 * Import the legacy build once, lazily: it costs ~220 ms and ~78 MiB, which text and Markdown
 * inputs should not pay. Works on the main thread and in worker_threads (pdfjs runs a same-thread
 * "fake worker" in Node, so no worker setup is needed).
 */
export function loadPdfjs(): Promise<Pdfjs> {
  cached ??= (async () => {
    if (!installStubs()) return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as Pdfjs;
    // Without canvas pdfjs prints "Cannot load @napi-rs/canvas" at import, before any verbosity
    // option applies: drop exactly those lines while importing.
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!(typeof args[0] === 'string' && /^Warning: Cannot (load "@napi-rs\/canvas"|polyfill)/.test(args[0]))) warn(...args);
    };
    try {
      return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as Pdfjs;
    } finally {
      console.warn = warn;
    }
  })().catch((e: unknown) => {
    cached = null; // let a later call retry rather than caching the failure
    throw e;
  });
  return cached;
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
