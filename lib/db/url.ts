// One place decides the database URL, for the CLI, the server, the seed and the tests.
import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/opencabinet.db";

/** The SQLite URL in force; its folder is created, since SQLite will not create it (relative to the working directory). */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).split("?")[0];
    if (file && file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  return url;
}
