// Once per run: a migrated template database (real SQLite via the real migrations); each worker copies it.
// Each run has its own folder, so runs started side by side do not share files.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export default function setup() {
  const runDir = path.resolve(`data/test/run-${process.pid}`);
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });
  const template = path.join(runDir, "template.db");
  execFileSync("bash", ["scripts/prisma.sh", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: "pipe",
  });
  process.env.OC_TEST_RUN_DIR = runDir; // inherited by the worker processes
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}
