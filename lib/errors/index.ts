// The one error type. Entry points throw it; lib/http maps it to a status + JSON in the requester's language.
// Messages are keys into messages/<locale>/errors.json (never English text), so every word a user reads is translated.
import { z } from "zod";
import type errorMessages from "../../messages/en/errors.json";

export const errorStatus = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION: 422,
  RATE_LIMITED: 429,
} as const;
export type ErrorCode = keyof typeof errorStatus;

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** A key in messages/<locale>/errors.json; the type makes a missing English key a compile error. */
export type ErrorKey = Leaves<typeof errorMessages>;
export type MessageValues = Record<string, string | number>;
/** What a user reads: a key, with ICU values when the text needs them. */
export type Message = ErrorKey | { key: ErrorKey; values: MessageValues };
/** Turns a message into text in one language (lib/i18n/errors.ts makes one per locale). */
export type Translate = (m: Message) => string;

export const messageKey = (m: Message): ErrorKey => (typeof m === "string" ? m : m.key);

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: Message,
    readonly fields?: Record<string, Message[]>,
    /** Extra machine-readable data, e.g. the fresh state on a CONFLICT. */
    readonly details?: unknown,
  ) {
    super(messageKey(text)); // logs show the key; users get the translation
    this.name = "AppError";
  }
  get status(): number {
    return errorStatus[this.code];
  }
  toJSON(t: Translate) {
    const fields = this.fields && Object.fromEntries(Object.entries(this.fields).map(([k, ms]) => [k, ms.map(t)]));
    return {
      error: {
        code: this.code,
        message: t(this.text),
        ...(fields ? { fields } : {}),
        ...(this.details !== undefined ? { details: this.details } : {}),
      },
    };
  }
}

export const unauthenticated = () => new AppError("UNAUTHENTICATED", "UNAUTHENTICATED");
export const forbidden = (text: Message = "FORBIDDEN") => new AppError("FORBIDDEN", text);
/** Always the same words, whatever was not found: a hidden thing and a made-up id must read alike. */
export const notFound = () => new AppError("NOT_FOUND", "NOT_FOUND");
export const conflict = (details?: unknown) => new AppError("CONFLICT", "CONFLICT", undefined, details);
export const invalid = (text: Message, fields?: Record<string, Message[]>) => new AppError("VALIDATION", text, fields);

/** A zod issue as a message: our own key when the schema gave one, else a generic one by issue kind. */
function issueMessage(issue: z.core.$ZodIssue): Message {
  if (issue.message.startsWith(KEY_PREFIX)) return issue.message.slice(KEY_PREFIX.length) as ErrorKey;
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "field.required" : "field.invalid";
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (issue.origin === "string") return minimum <= 1 ? "field.required" : { key: "field.tooShort", values: { minimum } };
      if (issue.origin === "array" || issue.origin === "set") return { key: "field.tooFew", values: { minimum } };
      if (issue.origin === "date") return "field.dateTime";
      return { key: "field.tooSmall", values: { minimum } };
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (issue.origin === "string") return { key: "field.tooLong", values: { maximum } };
      if (issue.origin === "array" || issue.origin === "set") return { key: "field.tooMany", values: { maximum } };
      if (issue.origin === "date") return "field.dateTime";
      return { key: "field.tooBig", values: { maximum } };
    }
    case "invalid_value":
    case "invalid_union":
      return "field.invalidOption";
    case "unrecognized_keys":
      return "field.unknown";
    default:
      return "field.invalid";
  }
}

/**
 * A message key for zod schemas: `.min(1, msg("rsvp.reasonRequired"))`. zod keeps a custom message as given; the prefix
 * tells a key from zod's own English ("Invalid input"), which is never shown but mapped by issue kind instead.
 */
const KEY_PREFIX = "@msg:";
export const msg = (key: ErrorKey) => `${KEY_PREFIX}${key}`;

/** Parses with zod; a failure becomes a 422 AppError with per-field messages. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw validationError(r.error);
}

export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, Message[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "_";
    const m = issueMessage(issue);
    if (!(fields[field] ??= []).some((x) => messageKey(x) === messageKey(m))) fields[field].push(m);
  }
  return invalid("VALIDATION", fields);
}
