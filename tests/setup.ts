// Per worker process: its own copy of the migrated template database and its own storage folder.
import fs from "node:fs";
import path from "node:path";

const worker = process.env.VITEST_POOL_ID ?? "0";
const runDir = process.env.OC_TEST_RUN_DIR;
if (!runDir) throw new Error("tests/global-setup.ts did not run");
if (process.env.OC_TEST_WORKER !== worker) {
  const dir = path.join(runDir, `worker-${worker}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(runDir, "template.db"), path.join(dir, "test.db"));
  process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
  process.env.STORAGE_DIR = path.join(dir, "storage");
  process.env.NEXTAUTH_SECRET = "test-secret-not-for-production";
  process.env.OC_TEST_WORKER = worker;
}
