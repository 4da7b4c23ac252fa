// One place decides the database URL, for the CLI, the server, the seed and the tests.
export const DEFAULT_DATABASE_URL = "file:./data/opencabinet.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}
