// Request bodies, read with a cap before anything parses them: a client cannot make the server buffer or parse
// more than the limit, whether it announces a length or streams without one.
import { AppError, invalid } from "../errors/index.ts";

/** The largest JSON body any operation accepts (the biggest real one, 500 ids or a 5,000-character text, is ~20 KB). */
export const MAX_JSON_BYTES = 256 * 1024;

export const bodyTooLarge = (limit = MAX_JSON_BYTES) => {
  const kb = Math.round(limit / 1024);
  return new AppError("TOO_LARGE", { key: "reasons.BODY_TOO_LARGE", values: { kb } }, undefined, { reason: "BODY_TOO_LARGE", kb });
};

/** The body, at most `limit` bytes: refused unread when its Content-Length says more, cut off when the stream does. */
export async function readBounded(req: Request, limit: number, tooLarge: () => AppError = () => bodyTooLarge(limit)): Promise<Uint8Array> {
  if (Number(req.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away mid-body: its request, not a server fault (and nobody is left to read the answer).
      throw new AppError("BAD_REQUEST", "bodyAborted", undefined, { reason: "BODY_ABORTED" });
    }
    const { done, value } = chunk;
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const isJsonType = (contentType: string) => /^application\/(?:[\w.+-]+\+)?json$/i.test(contentType.split(";")[0].trim());

const notJson = () =>
  new AppError("UNSUPPORTED_MEDIA_TYPE", "reasons.NOT_JSON", undefined, { reason: "NOT_JSON" });

/**
 * The one JSON reader of the API. An empty body is `{}` (a DELETE without options); anything else must say it is
 * JSON (a text/plain body is never parsed: browsers send those cross-site without asking), be UTF-8, parse, and hold
 * no lone UTF-16 surrogates (they cannot be stored as UTF-8, so no field of any operation may carry one).
 */
export async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type");
  if (type !== null && !isJsonType(type)) throw notJson();
  const bytes = await readBounded(req, MAX_JSON_BYTES);
  if (bytes.length === 0) return {};
  if (type === null) throw notJson();
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw invalid("badJson", { _: ["badJson"] });
  }
  const bad = loneSurrogatePath(value);
  if (bad !== null) {
    throw new AppError("VALIDATION", "reasons.INVALID_TEXT", { [bad || "_"]: ["field.invalidCharacter"] }, { reason: "INVALID_TEXT" });
  }
  return value;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The top-level field holding a lone surrogate (in a key or a value, at any depth), "" for the root, or null. */
function loneSurrogatePath(root: unknown): string | null {
  // Iterative: a body may nest tens of thousands of levels deep, which must not overflow the stack.
  const stack: { value: unknown; top: string }[] = [{ value: root, top: "" }];
  while (stack.length) {
    const { value, top } = stack.pop()!;
    if (typeof value === "string") {
      if (LONE_SURROGATE.test(value)) return top;
    } else if (Array.isArray(value)) {
      for (const v of value) stack.push({ value: v, top });
    } else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        const field = top || k;
        if (LONE_SURROGATE.test(k)) return field;
        stack.push({ value: v, top: field });
      }
    }
  }
  return null;
}
