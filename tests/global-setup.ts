// Once per run: a migrated template database (real SQLite via the real migrations); each worker copies it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const TEMPLATE = path.resolve("data/test/template.db");

export default function setup() {
  fs.rmSync(path.dirname(TEMPLATE), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(TEMPLATE), { recursive: true });
  execFileSync("bash", ["scripts/prisma.sh", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE}` },
    stdio: "pipe",
  });
}
