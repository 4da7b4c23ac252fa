// Prisma CLI config: JS engines only (no downloaded binaries), the same better-sqlite3 adapter as at runtime.
import path from "node:path";
import type { PrismaConfig } from "prisma";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl } from "./lib/db/url";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: databaseUrl() });
  },
} satisfies PrismaConfig;
