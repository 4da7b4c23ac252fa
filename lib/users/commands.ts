import type { z } from "zod";
import { db } from "../db/index.ts";
import { appendAudit } from "../audit/index.ts";
import type { Actor } from "../policy/index.ts";
import type { updateMeSchema } from "./schema.ts";

/** A user may change only their own preferences (the actor is the subject: no other policy needed). */
export async function updateMe(actor: Actor, input: z.infer<typeof updateMeSchema>) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: actor.id }, data: { locale: input.locale }, select: { id: true, locale: true } });
    await appendAudit(tx, { actorId: actor.id, action: "user.preferences", subjectType: "User", subjectId: actor.id, data: input });
    return user;
  });
}
