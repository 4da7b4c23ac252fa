// Meeting writes that do not fit changeMeeting (creation has no meeting to bump yet).
import { db } from "../db/index.ts";
import { invalid } from "../errors/index.ts";
import { authorize, type Actor } from "../policy/index.ts";
import { appendAudit } from "../audit/index.ts";
import type { CreateMeeting } from "./schema.ts";

export async function createMeeting(actor: Actor, input: CreateMeeting, id?: string) {
  authorize(actor, "meeting.create");
  return db.$transaction(async (tx) => {
    for (const key of ["chairId", "approverId"] as const) {
      const userId = input[key];
      if (userId && !(await tx.user.findFirst({ where: { id: userId, active: true }, select: { id: true } }))) {
        throw invalid("Unknown user", { [key]: ["Unknown user"] });
      }
    }
    const meeting = await tx.meeting.create({
      data: { ...(id ? { id } : {}), ...input, chairId: input.chairId ?? null, approverId: input.approverId ?? null, createdById: actor.id },
    });
    await appendAudit(tx, { actorId: actor.id, action: "meeting.create", subjectType: "Meeting", subjectId: meeting.id, meetingId: meeting.id, data: { title: meeting.title } });
    return meeting;
  });
}
