// The Prisma client. Only queries.ts / commands.ts modules import this.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client.ts";
import { databaseUrl } from "./url.ts";

export * from "./generated/client.ts";
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const g = globalThis as unknown as { __opencabinetDb?: PrismaClient };

function connect(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl() }) });
}

/** One client per process (Next bundles modules separately from server.ts; globalThis keeps them on one). */
export const db: PrismaClient = g.__opencabinetDb ?? (g.__opencabinetDb = connect());
