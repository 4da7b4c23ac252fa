import type { Prisma } from "../db/generated/client.ts";
import { db } from "../db/index.ts";
import { authorize, type Actor } from "../policy/index.ts";

/**
 * Who can be put on a meeting (participant, chair, approver, presenter, deputy): active people who are not the system
 * administrator, whose account is for running the system, not for sitting in meetings. Pickers list exactly these
 * and every write checks the same rule.
 */
// Not administrators, and not display-only accounts (a screen is not a person: never a participant).
export const meetingPeople = { active: true, role: { notIn: ["ADMIN", "DISPLAY"] } } satisfies Prisma.UserWhereInput;

/** Names as a Vietnamese reader sorts them (Đ after D, not after Z as byte order has it). */
export const byName = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

/** The people the secretariat's pickers offer. */
export async function listUsers(actor: Actor) {
  authorize(actor, "user.list");
  const users = await db.user.findMany({ where: meetingPeople, select: { id: true, name: true, title: true, email: true, role: true } });
  return users.sort((a, b) => byName.compare(a.name, b.name));
}
