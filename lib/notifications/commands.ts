// In-app notifications: rows written inside the change's transaction, announced to the user's room after commit.
import { db, type Tx } from "../db/index.ts";
import { publishUserEvent } from "../realtime/publish.ts";
import type { Actor } from "../policy/index.ts";
import type { MarkRead } from "./schema.ts";

export type NotificationKind =
  | "MEETING_PUBLISHED"
  | "MEETING_SUBMITTED"
  | "MEETING_APPROVED"
  | "MEETING_RETURNED"
  | "MEETING_CANCELLED"
  | "MEETING_INVITED"
  | "DEPUTY_NAMED"
  | "OPINION_SUBMITTED"
  | "OPINION_APPROVED"
  | "OPINION_RETURNED"
  | "OPINION_WITHDRAWN"
  | "OPINION_SENT"
  | "OPINION_REMINDER"
  | "OPINION_CLOSED";

export async function notify(tx: Tx, userIds: string[], n: { kind: NotificationKind; meetingId?: string | null; subject: string; data?: Record<string, unknown> }) {
  const unique = [...new Set(userIds)];
  if (unique.length) {
    await tx.notification.createMany({ data: unique.map((userId) => ({ userId, kind: n.kind, meetingId: n.meetingId ?? null, subject: n.subject, data: (n.data ?? {}) as object })) });
  }
  return unique;
}

/** After commit: tell each user's devices their new unread count. */
export async function announce(userIds: string[]) {
  for (const userId of userIds) {
    const [latest, unread] = await Promise.all([
      db.notification.findFirst({ where: { userId }, orderBy: { createdAt: "desc" }, select: { id: true } }),
      db.notification.count({ where: { userId, readAt: null } }),
    ]);
    if (latest) publishUserEvent(userId, "notification.created", { notificationId: latest.id, unread });
  }
}

/** A user marks their own notifications read (all, the listed ones, or those about one meeting); every device hears. */
export async function markRead(actor: Actor, { ids, meetingId }: MarkRead = {}) {
  const { count } = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(ids ? { id: { in: ids } } : {}), ...(meetingId ? { meetingId } : {}) },
    data: { readAt: new Date() },
  });
  if (count > 0) publishUserEvent(actor.id, "notifications.read", { unread: await db.notification.count({ where: { userId: actor.id, readAt: null } }) });
  return { marked: count };
}
