// The one policy module: every entry point asks here who may do what (system role × meeting role × resource).
// `can` is pure; `meetingScope` / `documentScope` are the query filters every read goes through.
import type { Prisma } from "../db/generated/client.ts";
import { forbidden, notFound } from "../errors/index.ts";

export type SystemRole = "ADMIN" | "SECRETARIAT" | "MEMBER";
export type MeetingRole = "CHAIR" | "SECRETARY" | "MEMBER" | "OBSERVER";
export type MeetingStatus = "DRAFT" | "SUBMITTED" | "APPROVED" | "PUBLISHED" | "IN_PROGRESS" | "CLOSED" | "CANCELLED";

export interface Actor {
  id: string;
  role: SystemRole;
  name: string;
  email: string;
  locale: string;
}

export interface MeetingResource {
  id: string;
  status: MeetingStatus;
  chairId: string | null;
  approverId: string | null;
  publishedAt: Date | null;
  /** The actor's participation in this meeting, if any. */
  participant: { role: MeetingRole; mayVote: boolean } | null;
}

export type MeetingAction =
  | "meeting.view"
  | "meeting.edit" // title, times, participants, agenda, documents
  | "meeting.submit"
  | "meeting.review" // approve or return
  | "meeting.publish"
  | "meeting.cancel"
  | "meeting.rsvp";

export type GlobalAction = "meeting.create" | "meeting.listAll" | "user.list";

const PREPARING: MeetingStatus[] = ["DRAFT", "SUBMITTED", "APPROVED"];
const EDITABLE: MeetingStatus[] = ["DRAFT", "SUBMITTED", "APPROVED", "PUBLISHED", "IN_PROGRESS"];

export const isStaff = (actor: Actor) => actor.role === "ADMIN" || actor.role === "SECRETARIAT";

function isReviewer(actor: Actor, m: MeetingResource): boolean {
  return m.approverId ? m.approverId === actor.id : m.chairId === actor.id;
}

export function can(actor: Actor, action: GlobalAction): boolean;
export function can(actor: Actor, action: MeetingAction, meeting: MeetingResource): boolean;
export function can(actor: Actor, action: GlobalAction | MeetingAction, m?: MeetingResource): boolean {
  switch (action) {
    case "meeting.create":
    case "meeting.listAll":
    case "user.list":
      return isStaff(actor);
  }
  if (!m) return false;
  const staff = isStaff(actor);
  const published = m.publishedAt !== null && !PREPARING.includes(m.status);
  switch (action) {
    case "meeting.view":
      if (staff) return true;
      if (isReviewer(actor, m) && m.status !== "DRAFT") return true;
      return m.participant !== null && published;
    case "meeting.edit":
      return staff && EDITABLE.includes(m.status);
    case "meeting.submit":
      return staff && (m.status === "DRAFT" || m.status === "SUBMITTED");
    case "meeting.review":
      return m.status === "SUBMITTED" && (isReviewer(actor, m) || actor.role === "ADMIN");
    case "meeting.publish":
      return staff && m.status === "APPROVED";
    case "meeting.cancel":
      return staff && m.status !== "CLOSED" && m.status !== "CANCELLED";
    case "meeting.rsvp":
      return m.participant !== null && published && m.status !== "CLOSED" && m.status !== "CANCELLED";
  }
}

/**
 * Throws unless allowed. A meeting the actor may not even see is a 404 (its existence is not disclosed);
 * one they see but may not change is a 403.
 */
export function authorize(actor: Actor, action: MeetingAction, m: MeetingResource): void;
export function authorize(actor: Actor, action: GlobalAction): void;
export function authorize(actor: Actor, action: GlobalAction | MeetingAction, m?: MeetingResource): void {
  if (m) {
    if (!can(actor, "meeting.view", m)) throw notFound("Meeting");
    if (!can(actor, action as MeetingAction, m)) throw forbidden(action);
  } else if (!can(actor, action as GlobalAction)) throw forbidden(action);
}

/** Query filter: the meetings this actor may see (must match `can(actor, "meeting.view")`). */
export function meetingScope(actor: Actor): Prisma.MeetingWhereInput {
  if (isStaff(actor)) return {};
  return {
    OR: [
      { participants: { some: { userId: actor.id } }, publishedAt: { not: null }, status: { notIn: PREPARING } },
      { approverId: actor.id, status: { not: "DRAFT" } },
      { approverId: null, chairId: actor.id, status: { not: "DRAFT" } },
    ],
  };
}

/** Query filter: the documents of a visible meeting this actor may see (restricted ones only when listed). */
export function documentScope(actor: Actor): Prisma.DocumentWhereInput {
  if (isStaff(actor)) return {};
  return { OR: [{ restricted: false }, { access: { some: { userId: actor.id } } }] };
}
