// pdfjs-dist ships no declarations for its worker module; the loader only imports it for its side
// effect (it sets globalThis.pdfjsWorker, the in-thread "fake worker" pdfjs uses in Node).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
