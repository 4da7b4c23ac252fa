// The Prisma client. Only queries.ts / commands.ts modules import this.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import { PrismaClient } from "./generated/client.ts";
import { databaseUrl } from "./url.ts";

export * from "./generated/client.ts";
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** What lib/db/write.ts needs of the adapter's connection: the connection, and its transaction queue. */
export interface WriterConnection {
  client: Database.Database;
  /** Waits for Prisma's transactions on this connection, then BEGINs; `commit()` / `rollback()` only release. */
  startTransaction(): Promise<{ commit(): Promise<void>; rollback(): Promise<void> }>;
}

const g = globalThis as unknown as { __opencabinetDb?: PrismaClient; __opencabinetWriter?: WriterConnection };

/**
 * Prisma's SQLite connection, set up once when Prisma opens it:
 * - WAL journal: a commit appends to the log with one fsync instead of rewriting a rollback journal (measured here:
 *   2.2 ms against 10–12 ms per commit on a busy disk), and readers (lib/db/read.ts) no longer wait for writers.
 * - synchronous = FULL: a commit that was answered survives a power cut (WAL's NORMAL may lose the last ones); a
 *   ballot or an audit entry is a record.
 */
class Adapter extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    const writer = adapter as unknown as WriterConnection;
    writer.client.pragma("journal_mode = WAL");
    writer.client.pragma("synchronous = FULL");
    g.__opencabinetWriter = writer;
    return adapter;
  }
}

function connect(): PrismaClient {
  return new PrismaClient({ adapter: new Adapter({ url: databaseUrl() }) });
}

/** One client per process (Next bundles modules separately from server.ts; globalThis keeps them on one). */
export const db: PrismaClient = g.__opencabinetDb ?? (g.__opencabinetDb = connect());

/** Prisma's own connection (opened on first use), for lib/db/write.ts. */
export async function writerConnection(): Promise<WriterConnection> {
  if (!g.__opencabinetWriter?.client.open) await db.$connect();
  if (!g.__opencabinetWriter?.client.open) throw new Error("the database adapter did not connect");
  return g.__opencabinetWriter;
}
