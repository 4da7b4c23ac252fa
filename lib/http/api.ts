// Every operation of the API, from each domain's declarations: the OpenAPI document and the tests walk this list.
import { agendaOps } from "../agenda/operations.ts";
import { documentOps } from "../documents/operations.ts";
import { liveOps } from "../live/operations.ts";
import { meetingOps } from "../meetings/operations.ts";
import { notificationOps } from "../notifications/operations.ts";
import { readingOps } from "../reading/operations.ts";
import { annotationOps } from "../annotations/operations.ts";
import { userOps } from "../users/operations.ts";
import { voteOps } from "../votes/operations.ts";
import { auditOps } from "../audit/operations.ts";
import { opinionOps } from "../opinions/operations.ts";
import type { Operation } from "./operation.ts";

export const apiOperations: readonly Operation[] = [meetingOps, agendaOps, documentOps, liveOps, notificationOps, userOps, readingOps, voteOps, annotationOps, auditOps, opinionOps].flatMap((ops) => Object.values(ops));

for (const [i, op] of apiOperations.entries()) {
  const twin = apiOperations.findIndex((o) => o.id === op.id || (o.method === op.method && o.path === op.path));
  if (twin !== i) throw new Error(`Operation ${op.id} is declared twice (same id, or same method and path)`);
}
