// A path with a broken %-escape ("/api/v1/meetings/%E0%A4%A") makes Next's router throw while decoding it, which
// answers a bare 500 without our headers. server.ts asks here first and answers such requests itself: a 400 with
// the error JSON, in the requester's language, with headers for an answer that renders nothing.
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "../errors/index.ts";
import { errorTranslator } from "../i18n/errors.ts";
import { requestLocale } from "../i18n/locale.ts";
import { securityHeaders } from "./headers.js";

/** Whether every %-escape of the path (the query is parsed leniently by Next) decodes to UTF-8. */
export function decodablePath(url: string): boolean {
  const path = url.split("?", 1)[0];
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export function refuseUndecodable(req: IncomingMessage, res: ServerResponse): void {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const error = new AppError("BAD_REQUEST", "badPath", undefined, { reason: "BAD_PATH" });
  const body = JSON.stringify(error.toJSON(errorTranslator(requestLocale(headers))));
  res.writeHead(400, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    // Nothing here renders: the strictest policy, whatever the pages' policy is.
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    ...Object.fromEntries(securityHeaders(process.env.NODE_ENV !== "production").map(({ key, value }) => [key, value])),
  });
  res.end(body);
}
