// How server.ts compresses the answers it gives itself (lib/http/direct.ts, lib/http/static.ts), as Next's compression
// does: bodies of COMPRESS_FROM bytes or more, of a kind that gets smaller (text, scripts, JSON, SVG, fonts, WASM; not
// a WebP, a PDF or a packed CMap), in an encoding the client takes.
import type { IncomingMessage } from "node:http";

/** Smaller bodies go as they are (the threshold of Next's compression, the `compression` package's default). */
export const COMPRESS_FROM = 1024;

/** Whether a body of this Content-Type gets smaller compressed (the kinds the `compressible` list marks so). */
export const compressible = (type: string | null) =>
  /^(text\/|application\/([\w.+-]*\+)?json\b|application\/(javascript|xml|wasm)\b|image\/svg\+xml\b|font\/(ttf|otf)\b)/i.test(type ?? "");

/** Whether the client takes `encoding` (named in Accept-Encoding, not with q=0). */
export const accepts = (req: IncomingMessage, encoding: string) =>
  String(req.headers["accept-encoding"] ?? "")
    .split(",")
    .some((e) => {
      const [name, ...params] = e.trim().split(";");
      return name.trim().toLowerCase() === encoding && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
    });
