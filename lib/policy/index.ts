// The one policy module: every entry point asks here who may do what (system role × meeting role × resource).
// `can` is pure and typed per resource: each action names the resource it judges. `meetingScope`, `documentScope`
// and `annotationScope` are the query filters reads go through; property tests prove each equal to `can`.
import type { Prisma } from "../db/generated/client.ts";
import { forbidden, notFound } from "../errors/index.ts";

/** DISPLAY: a display-only account; it opens the room display of the meetings it is assigned to and nothing else. */
export type SystemRole = "ADMIN" | "SECRETARIAT" | "MEMBER" | "DISPLAY";
export type MeetingRole = "CHAIR" | "SECRETARY" | "MEMBER" | "OBSERVER";
export type MeetingStatus = "DRAFT" | "SUBMITTED" | "APPROVED" | "PUBLISHED" | "IN_PROGRESS" | "CLOSED" | "CANCELLED";

export interface Actor {
  id: string;
  role: SystemRole;
  name: string;
  email: string;
  locale: string;
}
/** What the policy needs of an actor (the browser knows this much of its viewer, too). */
export type Principal = Pick<Actor, "id" | "role">;

export interface MeetingResource {
  id: string;
  status: MeetingStatus;
  chairId: string | null;
  approverId: string | null;
  publishedAt: Date | string | null;
  /** The actor's participation in this meeting, if any. */
  participant: { role: MeetingRole; mayVote: boolean } | null;
  /**
   * The actor is the deputy a participant named in their answer (RSVP "send a deputy", with the deputy's account):
   * they attend in that member's place. A deputy sees what every participant sees (not the papers shared with the
   * member by name, not the member's notes) and checks in for the member's seat; nothing else.
   */
  represents?: boolean;
  /**
   * The actor is checked in as the deputy for a member's seat (the seat's answer names them and its check-in is by
   * deputy): they attend in that member's place now, and may ask to speak for them (the Government's working
   * regulation lets the person sent in a member's place speak).
   */
  deputySeatCheckedIn?: boolean;
}
export interface DocumentResource {
  meeting: MeetingResource;
  restricted: boolean;
  /** The participants a restricted paper is shared with. */
  allowedUserIds: readonly string[];
}
/** A paper to download: a copy to keep leaves the reader's access checks behind, so its mark decides too. */
export interface DocumentDownloadResource extends DocumentResource {
  confidentiality: "NORMAL" | "CONFIDENTIAL" | "SECRET";
}
export interface AnnotationResource {
  document: DocumentResource;
  authorId: string;
  visibility: "PRIVATE" | "MEETING";
}
export interface SpeakerRequestResource {
  meeting: MeetingResource;
  userId: string;
}
/** The running meeting, with who the chair named to present (null: the chair presents). */
export interface LiveResource extends MeetingResource {
  presenterUserId?: string | null;
}
/** A meeting's room display, with whether this (display) account is assigned to it. */
export interface RoomDisplayResource extends MeetingResource {
  displayAssigned: boolean;
}
export interface VoteResource {
  meeting: MeetingResource;
  status: "DRAFT" | "OPEN" | "CLOSED";
}

export type OpinionStatus = "DRAFT" | "SUBMITTED" | "OPEN" | "CLOSED";
/** A request for written opinions (lib/opinions), as the actor stands to it. */
export interface OpinionResource {
  opinion: {
    status: OpinionStatus;
    approverId: string | null;
    /** The actor is one of the members asked. */
    asked: boolean;
  };
}

/** Every action on a resource, with the resource type it judges. */
export interface ResourceActions {
  "meeting.view": MeetingResource;
  "meeting.edit": MeetingResource; // title, times, participants, agenda, documents
  "meeting.submit": MeetingResource;
  "meeting.review": MeetingResource; // approve or return
  "meeting.readReview": MeetingResource; // the approver's comment
  "meeting.publish": MeetingResource;
  "meeting.cancel": MeetingResource;
  "meeting.rsvp": MeetingResource;
  "participant.nameDeputy": MeetingResource; // the secretariat names the account of the deputy a member's answer sends
  "meeting.run": MeetingResource; // the chair's console: current item, speakers, votes
  "meeting.seen": MeetingResource; // personal: "changed since you last looked"
  "reading.record": MeetingResource; // personal: one's read receipts (a deputy's on behalf of the member they represent)
  "meeting.vote": MeetingResource; // cast one's own ballot in the running meeting (eligibility: lib/votes)
  "meeting.readingProgress": MeetingResource; // everyone's read receipts, not only one's own
  "live.present": LiveResource; // show a paper and turn its pages on the room's screens
  "attendance.checkIn": MeetingResource; // a participant checks themself in
  "attendance.checkInDeputy": MeetingResource; // a named deputy checks in for the member they attend for
  "meeting.display": RoomDisplayResource; // open the room display with a display-only login
  "document.view": DocumentResource;
  "document.edit": DocumentResource;
  "document.download": DocumentDownloadResource; // a stamped copy to keep
  "annotation.create": DocumentResource;
  "annotation.view": AnnotationResource;
  "annotation.edit": AnnotationResource;
  "speaker.request": MeetingResource;
  "speaker.withdraw": SpeakerRequestResource;
  "speaker.manage": SpeakerRequestResource;
  "vote.view": VoteResource;
  "vote.manage": VoteResource;
  "vote.cast": VoteResource;
  "opinion.view": OpinionResource;
  "opinion.edit": OpinionResource; // questions, papers, members asked, deadline, approver
  "opinion.submit": OpinionResource;
  "opinion.review": OpinionResource; // approve (which sends it) or return
  "opinion.answer": OpinionResource;
  "opinion.summary": OpinionResource; // everyone's answers, who has not answered, the report
  "opinion.close": OpinionResource;
}
export type ResourceAction = keyof ResourceActions;
export type MeetingAction = { [A in ResourceAction]: ResourceActions[A] extends MeetingResource ? A : never }[ResourceAction];
export type GlobalAction = "meeting.create" | "meeting.listAll" | "user.list" | "user.manage" | "audit.verify" | "opinion.create";

const PREPARING: readonly MeetingStatus[] = ["DRAFT", "SUBMITTED", "APPROVED"];
const EDITABLE: readonly MeetingStatus[] = ["DRAFT", "SUBMITTED", "APPROVED", "PUBLISHED", "IN_PROGRESS"];
const LIVE: readonly MeetingStatus[] = ["PUBLISHED", "IN_PROGRESS"];
/** When a room display shows a meeting: published, in session, and its closing state. */
const ROOM: readonly MeetingStatus[] = ["PUBLISHED", "IN_PROGRESS", "CLOSED"];

export const isStaff = (actor: Principal) => actor.role === "ADMIN" || actor.role === "SECRETARIAT";

function isReviewer(actor: Principal, m: MeetingResource): boolean {
  return m.approverId ? m.approverId === actor.id : m.chairId === actor.id;
}
const published = (m: MeetingResource) => m.publishedAt !== null && !PREPARING.includes(m.status);
/** The chair and the meeting's secretary run the meeting. */
const runs = (actor: Principal, m: MeetingResource) =>
  m.chairId === actor.id || m.participant?.role === "CHAIR" || m.participant?.role === "SECRETARY";

/** A deputy checked in for the member whose answer named them (lib/live/attendance.ts `speaksFor`). */
const speaksAsDeputy = (m: MeetingResource) => m.represents === true && m.deputySeatCheckedIn === true && published(m);

function viewMeeting(actor: Principal, m: MeetingResource): boolean {
  if (isStaff(actor)) return true;
  // A display account sees no meeting as a person does, whatever its rows say (only its rooms' displays).
  if (actor.role === "DISPLAY") return false;
  if (isReviewer(actor, m) && m.status !== "DRAFT") return true;
  return (m.participant !== null || m.represents === true) && published(m);
}

function viewDocument(actor: Principal, d: DocumentResource): boolean {
  if (!viewMeeting(actor, d.meeting)) return false;
  return isStaff(actor) || !d.restricted || d.allowedUserIds.includes(actor.id);
}

/** The approver of a request for opinions reviews it once submitted and follows its answers. */
const approvesOpinion = (actor: Principal, o: OpinionResource["opinion"]) => o.approverId === actor.id && o.status !== "DRAFT";
function viewOpinion(actor: Principal, { opinion: o }: OpinionResource): boolean {
  if (isStaff(actor) || approvesOpinion(actor, o)) return true;
  // A member sees only requests addressed to them, once sent.
  return o.asked && (o.status === "OPEN" || o.status === "CLOSED");
}

type Rules = { [A in ResourceAction]: (actor: Principal, r: ResourceActions[A]) => boolean };
const rules: Rules = {
  "meeting.view": viewMeeting,
  "meeting.edit": (a, m) => isStaff(a) && EDITABLE.includes(m.status),
  "meeting.submit": (a, m) => isStaff(a) && m.status === "DRAFT", // once submitted, it waits for the approver
  "meeting.review": (a, m) => m.status === "SUBMITTED" && (isReviewer(a, m) || a.role === "ADMIN"),
  "meeting.readReview": (a, m) => isStaff(a) || (isReviewer(a, m) && m.status !== "DRAFT"),
  "meeting.publish": (a, m) => isStaff(a) && m.status === "APPROVED",
  "meeting.cancel": (a, m) => isStaff(a) && m.status !== "CLOSED" && m.status !== "CANCELLED",
  "meeting.rsvp": (a, m) => m.participant !== null && published(m) && m.status !== "CLOSED" && m.status !== "CANCELLED",
  // Answers exist once the meeting is published; the member names their deputy in their own answer (meeting.rsvp).
  "participant.nameDeputy": (a, m) => isStaff(a) && published(m) && m.status !== "CLOSED" && m.status !== "CANCELLED",
  "meeting.run": (a, m) => LIVE.includes(m.status) && runs(a, m),
  "meeting.seen": (a, m) => m.participant !== null && viewMeeting(a, m),
  // Who reads for the record: participants, and a named deputy reading the member's papers in their place.
  "reading.record": (a, m) => (m.participant !== null || m.represents === true) && viewMeeting(a, m),
  "meeting.vote": (a, m) => m.status === "IN_PROGRESS" && m.participant?.mayVote === true && viewMeeting(a, m),
  // Who has read which paper: for those who prepare the meeting and those who run it.
  "meeting.readingProgress": (a, m) => isStaff(a) || (viewMeeting(a, m) && runs(a, m)),
  "live.present": (a, m) => m.status === "IN_PROGRESS" && (runs(a, m) || (!!m.presenterUserId && m.presenterUserId === a.id && m.participant !== null)),
  "meeting.display": (a, d) => a.role === "DISPLAY" && d.displayAssigned && ROOM.includes(d.status),
  "attendance.checkIn": (a, m) => LIVE.includes(m.status) && m.participant !== null && published(m),
  "attendance.checkInDeputy": (a, m) => LIVE.includes(m.status) && m.represents === true && published(m),
  "document.view": viewDocument,
  "document.edit": (a, d) => isStaff(a) && EDITABLE.includes(d.meeting.status),
  // A top-secret paper is read in the app only; the secretariat, who holds the original, may still take a copy.
  "document.download": (a, d) => viewDocument(a, d) && (isStaff(a) || d.confidentiality !== "SECRET"),
  // Annotations are personal: whoever may read a paper may write on it; only its author changes it.
  "annotation.create": (a, d) => viewDocument(a, d) && d.meeting.participant !== null,
  "annotation.view": (a, n) => viewDocument(a, n.document) && (n.authorId === a.id || n.visibility === "MEETING"),
  "annotation.edit": (a, n) => viewDocument(a, n.document) && n.authorId === a.id,
  // Members who take part (not observers), and a deputy checked in for a member's seat, speaking in their place.
  "speaker.request": (a, m) => m.status === "IN_PROGRESS" && ((m.participant !== null && m.participant.role !== "OBSERVER") || speaksAsDeputy(m)),
  "speaker.withdraw": (a, s) => s.userId === a.id && s.meeting.status === "IN_PROGRESS",
  "speaker.manage": (a, s) => s.meeting.status === "IN_PROGRESS" && runs(a, s.meeting),
  // A planned vote is on the meeting's programme like an agenda item: everyone in the meeting sees it.
  "vote.view": (a, v) => viewMeeting(a, v.meeting),
  "vote.manage": (a, v) => LIVE.includes(v.meeting.status) && runs(a, v.meeting),
  "vote.cast": (a, v) => v.status === "OPEN" && can(a, "meeting.vote", v.meeting),
  "opinion.view": viewOpinion,
  // Editing a submitted request withdraws it to draft (as a meeting's), so the approver approves what goes out.
  "opinion.edit": (a, { opinion: o }) => isStaff(a) && (o.status === "DRAFT" || o.status === "SUBMITTED"),
  "opinion.submit": (a, { opinion: o }) => isStaff(a) && o.status === "DRAFT",
  "opinion.review": (a, { opinion: o }) => o.status === "SUBMITTED" && (o.approverId === a.id || a.role === "ADMIN"),
  "opinion.answer": (a, { opinion: o }) => o.asked && o.status === "OPEN",
  "opinion.summary": (a, { opinion: o }) => isStaff(a) || approvesOpinion(a, o),
  "opinion.close": (a, { opinion: o }) => isStaff(a) && o.status === "OPEN",
};

/** The meeting a resource belongs to: who may not see it gets a 404, not a 403. */
function meetingOf(r: Exclude<ResourceActions[ResourceAction], OpinionResource>): MeetingResource {
  if ("document" in r) return r.document.meeting;
  if ("meeting" in r) return r.meeting;
  return r;
}

export function can(actor: Principal, action: GlobalAction): boolean;
export function can<A extends ResourceAction>(actor: Principal, action: A, resource: ResourceActions[A]): boolean;
export function can(actor: Principal, action: GlobalAction | ResourceAction, resource?: unknown): boolean {
  switch (action) {
    case "meeting.create":
    case "meeting.listAll":
    case "user.list":
    case "opinion.create":
      return isStaff(actor);
    case "user.manage": // accounts: deactivate, reactivate
    case "audit.verify": // the audit trail's hash chain
      return actor.role === "ADMIN";
  }
  if (!resource) return false;
  // A display-only account does one thing: open the room display of a meeting it is assigned to.
  if (actor.role === "DISPLAY" && action !== "meeting.display") return false;
  const rule = rules[action] as (a: Principal, r: unknown) => boolean;
  return rule(actor, resource);
}

/**
 * Throws unless allowed. A meeting the actor may not even see is a 404 (its existence is not disclosed), and so is
 * a paper or note within it they may not see; one they see but may not change is a 403.
 */
export function authorize(actor: Principal, action: GlobalAction): void;
export function authorize<A extends ResourceAction>(actor: Principal, action: A, resource: ResourceActions[A]): void;
export function authorize(actor: Principal, action: GlobalAction | ResourceAction, resource?: unknown): void {
  if (!resource) {
    if (!can(actor, action as GlobalAction)) throw forbidden();
    return;
  }
  const r = resource as ResourceActions[ResourceAction];
  if ("opinion" in r) {
    if (!viewOpinion(actor, r)) throw notFound();
    if (!can(actor, action as ResourceAction, r as never)) throw forbidden();
    return;
  }
  if (!viewMeeting(actor, meetingOf(r))) throw notFound();
  if ("restricted" in r && !viewDocument(actor, r)) throw notFound();
  if ("document" in r && !can(actor, "annotation.view", r)) throw notFound();
  if (!can(actor, action as ResourceAction, r as never)) throw forbidden();
}

/** The participant rows whose answer names this user as the deputy attending in their place. */
export const deputySeatOf = (userId: string) => ({ deputyUserId: userId, rsvp: "DELEGATE" as const, userId: { not: userId } });
/** Those of them the user is checked in for now, as deputy (the facts behind `deputySeatCheckedIn`). */
export const checkedInDeputySeatOf = (userId: string) => ({ ...deputySeatOf(userId), checkedInAt: { not: null }, checkedInDeputy: true });

/** Query filter: the meetings this actor may see (must match `can(actor, "meeting.view")`). */
export function meetingScope(actor: Principal): Prisma.MeetingWhereInput {
  if (isStaff(actor)) return {};
  if (actor.role === "DISPLAY") return { id: { in: [] } };
  return {
    OR: [
      { participants: { some: { userId: actor.id } }, publishedAt: { not: null }, status: { notIn: [...PREPARING] } },
      { participants: { some: deputySeatOf(actor.id) }, publishedAt: { not: null }, status: { notIn: [...PREPARING] } },
      { approverId: actor.id, status: { not: "DRAFT" } },
      { approverId: null, chairId: actor.id, status: { not: "DRAFT" } },
    ],
  };
}

/** Query filter: the documents this actor may see (must match `can(actor, "document.view")`). */
export function documentScope(actor: Principal): Prisma.DocumentWhereInput {
  if (isStaff(actor)) return { meeting: meetingScope(actor) };
  return { meeting: meetingScope(actor), OR: [{ restricted: false }, { access: { some: { userId: actor.id } } }] };
}

/** Query filter: the annotations this actor may see (must match `can(actor, "annotation.view")`). */
export function annotationScope(actor: Principal): Prisma.AnnotationWhereInput {
  return {
    documentVersion: { document: documentScope(actor) },
    OR: [{ authorId: actor.id }, { visibility: "MEETING" }],
  };
}

/** Query filter: the requests for opinions this actor may see (must match `can(actor, "opinion.view")`). */
export function opinionScope(actor: Principal): Prisma.OpinionRequestWhereInput {
  if (isStaff(actor)) return {};
  return {
    OR: [
      { approverId: actor.id, status: { not: "DRAFT" } },
      { recipients: { some: { userId: actor.id } }, status: { in: ["OPEN", "CLOSED"] } },
    ],
  };
}
