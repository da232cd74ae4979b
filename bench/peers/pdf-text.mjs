// One PDF text extractor over the given PDFs, for `npm run bench`: CPU time per round after a
// warm-up, printed as JSON. Each runs in a process of its own, so that a global one of them
// changes (or a second pdf.js: pdf-parse brings 5.4, which would pick up the fake-worker module
// our loader registers for 5.6) cannot touch the others.
//   node bench/peers/pdf-text.mjs <mode> <seconds> <file.pdf…>
//   modes: pdfjs (raw getTextContent, as in the main bench), pdfjs-inflate-itself (the same without
//   DecompressionStream), ours (parseFile, with the CLI's inflate setting), pdf-parse (getText)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [mode, secondsArg, ...files] = process.argv.slice(2);
const seconds = Number(secondsArg);
const bytes = files.map((f) => readFileSync(f));

async function extractor() {
  if (mode === 'pdf-parse') {
    const { PDFParse } = await import('pdf-parse');
    return async (b) => {
      const parser = new PDFParse({ data: new Uint8Array(b) });
      await parser.getText();
      await parser.destroy();
    };
  }
  const { loadPdfjs, pdfjsAssets, useSynchronousInflate } = await import(root + 'dist/load/pdf/pdfjs.js');
  if (mode === 'pdfjs-inflate-itself' || mode === 'ours') useSynchronousInflate();
  if (mode === 'ours') {
    const { parseBytes } = await import(root + 'dist/index.js');
    return (b) => parseBytes(new Uint8Array(b), { name: 'x.pdf' });
  }
  if (mode !== 'pdfjs' && mode !== 'pdfjs-inflate-itself') throw new Error(`unknown mode ${mode}`);
  const pdfjs = await loadPdfjs();
  return async (b) => {
    const task = pdfjs.getDocument({ data: new Uint8Array(b), ...pdfjsAssets(), cMapPacked: true, isEvalSupported: false, disableFontFace: true, verbosity: 0 });
    const doc = await task.promise;
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      await page.getTextContent();
      page.cleanup();
    }
    await doc.destroy();
  };
}

const extract = await extractor();
const round = async () => {
  for (const b of bytes) await extract(b);
};
for (const t0 = performance.now(); performance.now() - t0 < seconds * 500; ) await round();
let cpu = 0;
let rounds = 0;
for (const t0 = performance.now(); performance.now() - t0 < seconds * 1000; rounds++) {
  const c0 = process.cpuUsage();
  await round();
  const c = process.cpuUsage(c0);
  cpu += c.user + c.system;
}
console.log(JSON.stringify({ mode, msPerRound: cpu / 1000 / rounds, rounds }));
