// Hot reads that skip Prisma's query compiler. Through Prisma a statement costs ~0.8 ms of CPU (plan, WASM compiler,
// result mapping); the same statement prepared once on better-sqlite3 costs ~0.03 ms. Only reads that every tablet
// repeats (the meeting snapshot and its ETag) come here; every write and every other read stays on Prisma.
//
// The SQL is portable (double-quoted identifiers as Prisma names them, no SQLite-only functions), so a PostgreSQL
// deployment replaces only the executor below (`$n` placeholders, a REPEATABLE READ transaction). Callers map
// columns themselves with `asDate` / `asBool`, which accept both SQLite's storage (ISO text, 0/1) and native values.
import Database from "better-sqlite3";
import { databaseUrl } from "./url.ts";

export type Row = Record<string, unknown>;
export interface Statement {
  sql: string;
  params: (string | number | null)[];
}

/** A statement with `?` placeholders for the template's values. */
export function sql(strings: TemplateStringsArray, ...params: (string | number | null)[]): Statement {
  return { sql: strings.join("?"), params };
}

interface Reader {
  conn: Database.Database;
  statements: Map<string, Database.Statement>;
}

const g = globalThis as unknown as { __opencabinetReader?: Reader };

function reader(): Reader {
  if (g.__opencabinetReader) return g.__opencabinetReader;
  const file = databaseUrl().slice("file:".length).split("?")[0];
  // Its own connection, read-only: it sees committed data only (Prisma's connection may be inside a transaction).
  const conn = new Database(file, { readonly: true, fileMustExist: true, timeout: 5_000 });
  return (g.__opencabinetReader = { conn, statements: new Map() });
}

/** Runs the statements in one read transaction (a consistent view across them) and returns each one's rows. */
export function readConsistent(statements: Statement[]): Row[][] {
  const r = reader();
  const prepared = statements.map((s) => {
    let st = r.statements.get(s.sql);
    if (!st) r.statements.set(s.sql, (st = r.conn.prepare(s.sql)));
    return st;
  });
  return r.conn.transaction(() => prepared.map((st, i) => st.all(...statements[i].params) as Row[]))();
}

/** Closes the reader (tests and scripts that delete the database file). */
export function closeReader() {
  g.__opencabinetReader?.conn.close();
  g.__opencabinetReader = undefined;
}

export function asDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === "string" || typeof v === "number") return new Date(v);
  throw new TypeError(`not a date: ${String(v)}`);
}
export const asDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : asDate(v));
export const asBool = (v: unknown): boolean => v === true || v === 1 || v === 1n;
