import { db } from "../db/index.ts";
import { authorize, type Actor } from "../policy/index.ts";

/** Active users for the secretariat's pickers (participants, chair, approver, presenter). */
export async function listUsers(actor: Actor) {
  authorize(actor, "user.list");
  return db.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, title: true, email: true, role: true } });
}
