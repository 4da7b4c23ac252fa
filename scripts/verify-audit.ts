// `npm run audit:verify`: checks the audit trail's hash chain in the configured database (DATABASE_URL) and reports
// the first broken link. Exit code 0 when intact, 1 when broken.
import { db } from "../lib/db/index.ts";
import { auditChainReport } from "../lib/audit/index.ts";

const report = await auditChainReport(db);
if (!report.firstBroken) {
  console.log(`audit trail intact: ${report.entries} entries, every link holds`);
  process.exit(0);
}
const b = report.firstBroken;
console.log(`audit trail BROKEN at entry ${b.seq} (${b.action} on ${b.subjectType} ${b.subjectId}, ${b.createdAt}); ${report.entries - 1} entries before it hold`);
process.exit(1);
