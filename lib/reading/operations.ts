// Read receipts and reading positions: a reader's device reports in batches; the meeting's reading progress for
// the secretariat and the chair (every participant), or for a member (their own).
import { json, operation } from "../http/operation.ts";
import { readingProgressJson, readingRecordedJson, readingReportSchema } from "./schema.ts";

export const readingOps = {
  report: operation({
    id: "reading.report", method: "PUT", path: "/documents/{documentId}/reading",
    summary: "Record that you opened a paper version, the pages seen since the last report and your current page (batched)", tag: "reading",
    body: json(readingReportSchema), response: json(readingRecordedJson), status: 200, action: "reading.record", errors: [403],
  }),
  progress: operation({
    id: "reading.progress", method: "GET", path: "/meetings/{meetingId}/reading",
    summary: "Who opened which paper version, when, and how many pages they saw (your own only, unless you prepare or run the meeting)", tag: "reading",
    response: json(readingProgressJson), status: 200, action: "meeting.view", errors: [],
  }),
};
