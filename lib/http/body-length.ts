// Next 16 removes Content-Length from every route handler's answer (next/dist/server/send-response.js, its
// FORBIDDEN_HEADERS) and sends the body chunked. pdf.js reads a paper in byte ranges only when the whole file's
// answer states its length (validateRangeRequestCapabilities): without it every reader downloads every paper whole
// before page 1. A route that knows its body's exact length says so in BODY_LENGTH as well; server.ts's hook turns
// that back into Content-Length when the headers are sent.
import type { ServerResponse } from "node:http";

export const BODY_LENGTH = "x-body-length";

export function restoreBodyLength(res: ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    const length = res.getHeader(BODY_LENGTH);
    if (length !== undefined) {
      res.removeHeader(BODY_LENGTH);
      // Only for a body sent as it is: an encoded (compressed) body has another length.
      if (/^\d+$/.test(String(length)) && !res.hasHeader("content-encoding")) {
        res.removeHeader("transfer-encoding");
        res.setHeader("content-length", String(length));
      }
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}
