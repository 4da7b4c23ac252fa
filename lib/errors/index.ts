// The one error type. Entry points throw it; lib/http maps it to a status + JSON, the UI maps `code` to a message.
import { z } from "zod";

export const errorStatus = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  VALIDATION: 422,
  RATE_LIMITED: 429,
} as const;
export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
    /** Extra machine-readable data, e.g. the fresh state on a CONFLICT. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return errorStatus[this.code];
  }
  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.details !== undefined ? { details: this.details } : {}),
      },
    };
  }
}

export const unauthenticated = () => new AppError("UNAUTHENTICATED", "Please sign in.");
export const forbidden = (what = "this action") => new AppError("FORBIDDEN", `You may not perform ${what}.`);
export const notFound = (what = "Resource") => new AppError("NOT_FOUND", `${what} not found.`);
export const conflict = (message: string, details?: unknown) => new AppError("CONFLICT", message, undefined, details);
export const invalid = (message: string, fields?: Record<string, string[]>) =>
  new AppError("VALIDATION", message, fields);

/** Parses with zod; a failure becomes a 422 AppError with per-field messages. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const flat = z.flattenError(r.error);
  const fields: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(flat.fieldErrors as Record<string, string[] | undefined>)) if (v?.length) fields[k] = v;
  if (flat.formErrors.length) fields._ = flat.formErrors;
  throw invalid("The request is not valid.", fields);
}
