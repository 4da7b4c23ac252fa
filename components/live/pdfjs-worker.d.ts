// pdf.js ships its worker without types; the page picture only hands the module to pdf.js (globalThis.pdfjsWorker).
declare module "pdfjs-dist/build/pdf.worker.min.mjs" {
  export const WorkerMessageHandler: unknown;
}
