// Hot writes that skip Prisma's query compiler (~1 ms of CPU per statement through Prisma, ~0.03 ms prepared), on
// Prisma's own SQLite connection: a write here waits for Prisma's transactions on that connection (the adapter's
// queue) and then runs synchronously from BEGIN to COMMIT, so nothing else can interleave with it. The SQL is
// portable like lib/db/read.ts's (double-quoted identifiers, `?` placeholders, no SQLite-only functions).
//
// Inside a Prisma transaction (db.$transaction) the same connection is inside that transaction: `writerIn()` gives a
// Writer whose statements are part of it (lib/meetings/change.ts writes the version, event and audit entry that way).
import type Database from "better-sqlite3";
import { writerConnection } from "./index.ts";
import type { Row, Statement } from "./read.ts";

export interface Writer {
  all(s: Statement): Row[];
  get(s: Statement): Row | undefined;
  /** Runs a write; returns the number of rows it changed. */
  run(s: Statement): number;
}

/** A DateTime as Prisma keeps it in SQLite ("2026-11-26T01:00:00.000+00:00"): sorts and compares as text. */
export const dbDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
/** A Boolean as Prisma keeps it in SQLite. */
export const dbBool = (b: boolean) => (b ? 1 : 0);

const writers = new WeakMap<Database.Database, Writer>();

function writerOf(c: Database.Database): Writer {
  let w = writers.get(c);
  if (w) return w;
  const statements = new Map<string, Database.Statement>();
  const prepared = (s: Statement) => {
    let st = statements.get(s.sql);
    if (!st) {
      st = c.prepare(s.sql);
      // The adapter's connection answers integers as BigInt by default; our columns fit in a double.
      if (st.reader) st.safeIntegers(false);
      statements.set(s.sql, st);
    }
    return st;
  };
  w = {
    all: (s) => prepared(s).all(...s.params) as Row[],
    get: (s) => prepared(s).get(...s.params) as Row | undefined,
    run: (s) => Number(prepared(s).run(...s.params).changes),
  };
  writers.set(c, w);
  return w;
}

/** The Writer on Prisma's connection, for statements inside a running `db.$transaction` (they are part of it). */
export async function writerIn(): Promise<Writer> {
  return writerOf((await writerConnection()).client);
}

/**
 * Runs `body` in one write transaction on Prisma's connection, after Prisma's own transactions. `body` is
 * synchronous: nothing else runs on the connection until it returns. If it throws, its statements are undone and the
 * error is thrown on.
 */
export async function writeTransaction<T>(body: (w: Writer) => T): Promise<T> {
  const conn = await writerConnection();
  const c = conn.client;
  // The adapter's queue: waits for Prisma's open transactions, then BEGINs. A statement Prisma runs outside a
  // transaction may still slip in before `body` starts; the savepoint keeps it out of our rollback.
  const queued = await conn.startTransaction();
  try {
    c.exec("SAVEPOINT oc_write");
    let result: T;
    try {
      result = body(writerOf(c));
    } catch (e) {
      c.exec("ROLLBACK TO oc_write");
      c.exec("RELEASE oc_write");
      c.exec("COMMIT");
      throw e;
    }
    c.exec("RELEASE oc_write");
    c.exec("COMMIT");
    return result;
  } catch (e) {
    if (c.inTransaction) c.exec("ROLLBACK");
    throw e;
  } finally {
    await queued.commit(); // only releases the adapter's queue
  }
}
