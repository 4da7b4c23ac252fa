"use client";
// Browser side of the API: call an operation declaration with typed params, query and body, get its typed answer;
// the error JSON becomes an ApiError the UI can show. The server words `message` in the user's language; an error
// made here has none, and the UI says it by `code`.
import { operationUrl, type CallArgs, type CallInputLoose, type Operation, type Output } from "./operation.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string[]>,
    readonly details?: Record<string, unknown> & { meeting?: unknown; reason?: string },
  ) {
    super(message);
  }
}

/** The error JSON of a failed answer (or what can be said without one) as an ApiError. */
export function apiError(status: number, data: unknown): ApiError {
  const e = ((data as { error?: Record<string, unknown> } | null)?.error ?? {}) as { code?: string; message?: string; fields?: Record<string, string[]>; details?: ApiError["details"] };
  return new ApiError(status, e.code ?? (status === 413 ? "TOO_LARGE" : "INTERNAL"), e.message ?? "", e.fields, e.details);
}

/** Calls a JSON operation and resolves with its declared answer; rejects with an ApiError. */
export async function call<O extends Operation & { response: { kind: "json" } }>(op: O, ...[input]: CallArgs<O>): Promise<Output<O>> {
  const { params, query, body } = (input ?? {}) as CallInputLoose;
  const sendsJson = op.body?.kind === "json";
  let res: Response;
  try {
    res = await fetch(operationUrl(op, params, query), {
      method: op.method,
      headers: sendsJson ? { "content-type": "application/json" } : undefined,
      body: sendsJson ? JSON.stringify(body ?? {}) : undefined,
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "OFFLINE", "");
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) throw apiError(res.status, data);
  return data as Output<O>;
}
