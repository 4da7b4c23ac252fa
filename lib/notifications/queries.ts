import { db } from "../db/index.ts";
import { isStaff, meetingScope, type Actor } from "../policy/index.ts";

/** The actor's own notifications, only for meetings they can still see. */
export async function listNotifications(actor: Actor, take = 30) {
  // (Prisma reads an empty relation filter `meeting: {}` as "no meeting": staff get no filter at all.)
  const where = isStaff(actor) ? { userId: actor.id } : { userId: actor.id, OR: [{ meetingId: null }, { meeting: meetingScope(actor) }] };
  const [items, unread] = await Promise.all([
    db.notification.findMany({ where, orderBy: { createdAt: "desc" }, take, include: { meeting: { select: { title: true } } } }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  return {
    unread,
    items: items.map((n) => ({ id: n.id, kind: n.kind, subject: n.subject, meetingId: n.meetingId, meetingTitle: n.meeting?.title ?? null, createdAt: n.createdAt, readAt: n.readAt, data: n.data })),
  };
}
