// For every declared operation: a request the API accepts, on a meeting made for it, by the people of a meeting
// (its member, a member of another meeting, its chair, secretariat, admin). The authorization, hardening and fuzz
// tests start from these; a new operation needs its valid request here.
import { db } from "@/lib/db";
import type { Actor, MeetingStatus } from "@/lib/policy";
import type { Operation } from "@/lib/http/operation";
import { operationUrl } from "@/lib/http/operation";
import type { RouteHandler } from "@/lib/http/route";
import { createMeeting } from "@/lib/meetings/commands";
import { createAgendaItem } from "@/lib/agenda/commands";
import { uploadDocument } from "@/lib/documents/commands";
import { hashPassword } from "@/lib/auth/passwords";
import { RULE_PRESETS } from "@/lib/votes/rules";
import { apiRequest, makeUser, params, sessionCookie } from "./fixtures";
import { goodPdf } from "./files/bad-pdfs";
import { routeModules } from "./routes";

export interface Fixture {
  meetingId: string;
  itemId: string;
  participantId: string;
  /** A member who sends `deputy` in their place (their answer names the deputy's account). */
  representedParticipantId: string;
  documentId: string;
  /** A planned vote, and (in a running meeting, where the member and the chair are checked in) an open one. */
  voteId: string;
  openVoteId: string;
  /** Requests for written opinions, one per status: the member asked, the chair approves, the fixture's paper sent. */
  opinions: Record<"DRAFT" | "SUBMITTED" | "OPEN", string>;
  /** The open request's question. */
  opinionQuestionId: string;
}
export interface ValidRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  multipart?: Record<string, string | Blob>;
}
export interface People {
  member: Actor;
  otherMember: Actor;
  chair: Actor;
  secretariat: Actor;
  admin: Actor;
  /** Someone to invite. */
  spare: Actor;
  /** A display-only account, assigned to the room display of every meeting made here. */
  display: Actor;
  /** Not a participant: the deputy a member of every meeting made here named to attend in their place. */
  deputy: Actor;
}

/** Everyone's password, so that changing one's own password can be a valid request. */
export const PASSWORD = "Mật khẩu cũ 2025";
const inAWeek = () => ({ startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString() });

/** The world the requests run in: people, one stored paper shared by every meeting made here, the route handlers. */
export class World {
  private constructor(
    readonly people: People,
    private readonly pdf: Uint8Array,
    private readonly stored: { fileHash: string; size: number; pageCount: number },
    private readonly handlers: Map<string, RouteHandler>,
  ) {}

  static async create(): Promise<World> {
    const secretariat = await makeUser("SECRETARIAT", "Thư ký");
    const people: People = {
      member: await makeUser("MEMBER", "Thành viên"),
      otherMember: await makeUser("MEMBER", "Thành viên họp khác"),
      chair: await makeUser("MEMBER", "Chủ tọa"),
      secretariat,
      admin: await makeUser("ADMIN", "Quản trị"),
      spare: await makeUser("MEMBER", "Khách mời"),
      display: await makeUser("DISPLAY", "Màn hình phòng họp"),
      deputy: await makeUser("MEMBER", "Thứ trưởng dự thay"),
    };
    const passwordHash = await hashPassword(PASSWORD);
    await db.user.updateMany({ where: { id: { in: Object.values(people).map((u) => u.id) } }, data: { passwordHash } });
    const pdf = await goodPdf("Tờ trình", 1);
    // One real upload (policy, PDF checks, storage); the meetings made later share its stored file.
    const first = await createMeeting(secretariat, { title: "Phiên họp đầu", kind: "REGULAR", location: "", ...dates() });
    const { version } = (await uploadDocument(secretariat, first.id, { title: "Tài liệu", fileName: "tai-lieu.pdf", bytes: pdf })).result;
    // The other meeting, where otherMember takes part.
    const other = await createMeeting(secretariat, { title: "Phiên họp khác", kind: "REGULAR", location: "", ...dates() });
    await db.participant.create({ data: { meetingId: other.id, userId: people.otherMember.id, role: "MEMBER" } });
    await db.meeting.update({ where: { id: other.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    const handlers = new Map<string, RouteHandler>();
    for (const [path, mod] of await routeModules()) {
      for (const [method, handler] of Object.entries(mod)) if (typeof handler === "function") handlers.set(`${method} ${path}`, handler as RouteHandler);
    }
    const v = await db.documentVersion.findUniqueOrThrow({ where: { id: version.id } });
    return new World(people, pdf, { fileHash: v.fileHash, size: v.size, pageCount: v.pageCount }, handlers);
  }

  /** A meeting in `status`, chaired by the chair, with the member invited, an agenda item and a paper. */
  async meetingWith(status: MeetingStatus = "PUBLISHED"): Promise<Fixture> {
    const { secretariat, chair, member } = this.people;
    const meeting = await createMeeting(secretariat, { title: "Phiên họp thường kỳ", kind: "REGULAR", location: "Hà Nội", chairId: chair.id, ...dates() });
    const participant = await db.participant.create({ data: { meetingId: meeting.id, userId: member.id, role: "MEMBER" } });
    const absentee = await makeUser("MEMBER", "Bộ trưởng vắng mặt");
    const represented = await db.participant.create({
      data: { meetingId: meeting.id, userId: absentee.id, role: "MEMBER", rsvp: "DELEGATE", deputyUserId: this.people.deputy.id, deputyName: this.people.deputy.name },
    });
    const item = (await createAgendaItem(secretariat, meeting.id, { title: "Nội dung 1" })).result;
    const doc = await db.document.create({
      data: { meetingId: meeting.id, title: "Tài liệu", versions: { create: { number: 1, fileName: "tai-lieu.pdf", uploadedById: secretariat.id, ...this.stored } } },
    });
    // The room display: the display account is assigned, and the paper is on the room's screens.
    await db.meetingDisplay.create({ data: { meetingId: meeting.id, userId: this.people.display.id } });
    await db.meetingLive.create({ data: { meetingId: meeting.id, shownDocumentId: doc.id } });
    const published = status === "PUBLISHED" || status === "IN_PROGRESS" || status === "CLOSED";
    await db.meeting.update({ where: { id: meeting.id }, data: { status, publishedAt: published ? new Date() : null } });
    const vote = (status: "DRAFT" | "OPEN") =>
      db.vote.create({
        data: { meetingId: meeting.id, question: "Thông qua?", options: ["FOR", "AGAINST", "ABSTAIN"], rule: RULE_PRESETS.GOVERNMENT, status, openedAt: status === "OPEN" ? new Date() : null },
      });
    const planned = await vote("DRAFT");
    const open = await vote("OPEN");
    if (status === "IN_PROGRESS") {
      // Everyone is here: the members in person, the absent member's seat by their deputy (who may then ask to speak).
      await db.participant.updateMany({ where: { meetingId: meeting.id, id: { not: represented.id } }, data: { checkedInAt: new Date() } });
      await db.participant.update({ where: { id: represented.id }, data: { checkedInAt: new Date(), checkedInDeputy: true, checkedInById: this.people.deputy.id } });
    }
    const opinion = async (status: "DRAFT" | "SUBMITTED" | "OPEN") =>
      (
        await db.opinionRequest.create({
          data: {
            title: "Xin ý kiến về dự thảo", deadline: new Date(Date.now() + 7 * 86_400_000), status, approverId: chair.id, createdById: secretariat.id,
            sentAt: status === "OPEN" ? new Date() : null,
            questions: { create: [{ position: 0, text: "Thông qua dự thảo?" }] },
            recipients: { create: [{ userId: member.id }] },
            papers: { create: [{ documentId: doc.id, position: 0 }] },
          },
        })
      ).id;
    const opinions = { DRAFT: await opinion("DRAFT"), SUBMITTED: await opinion("SUBMITTED"), OPEN: await opinion("OPEN") };
    const question = await db.opinionQuestion.findFirstOrThrow({ where: { requestId: opinions.OPEN } });
    return { meetingId: meeting.id, itemId: item.id, participantId: participant.id, representedParticipantId: represented.id, documentId: doc.id, voteId: planned.id, openVoteId: open.id, opinions, opinionQuestionId: question.id };
  }

  pdfPart(): Blob {
    return new Blob([this.pdf as Uint8Array<ArrayBuffer>], { type: "application/pdf" });
  }

  handler(op: Operation): RouteHandler {
    const h = this.handlers.get(`${op.method} ${op.path}`);
    if (!h) throw new Error(`${op.id} is not bound`);
    return h;
  }

  /** The request as a browser on our pages would send it (signed in as `actor`, or not), through the real handler. */
  async send(op: Operation, actor: Actor | null, valid: ValidRequest, headers: Record<string, string> = {}): Promise<Response> {
    return this.handler(op)(await request(op, actor, valid, headers), params(valid.params ?? {}));
  }
}

const dates = () => {
  const { startsAt, endsAt } = inAWeek();
  return { startsAt: new Date(startsAt), endsAt: new Date(endsAt) };
};

async function request(op: Operation, actor: Actor | null, valid: ValidRequest, headers: Record<string, string>): Promise<Request> {
  const url = operationUrl(op, valid.params, valid.query);
  if (!valid.multipart) return apiRequest(actor, op.method, url, valid.body, headers);
  const form = new FormData();
  for (const [k, v] of Object.entries(valid.multipart)) {
    if (typeof v === "string") form.set(k, v);
    else form.set(k, v, "tai-lieu.pdf");
  }
  const h: Record<string, string> = { host: "localhost:3000", "sec-fetch-site": "same-origin", ...headers };
  if (actor) h.cookie = await sessionCookie(actor);
  return new Request(`http://localhost:3000${url}`, { method: op.method, headers: h, body: form });
}

/** A private highlight on page 1 of version 1, as the reader sends it (pdf.js's serialized editor inside). */
export const validAnnotation = (over: Record<string, unknown> = {}) => ({
  version: 1, page: 1, kind: "HIGHLIGHT", bounds: [0.1, 0.1, 0.5, 0.15], text: "Chính phủ điện tử",
  editor: { annotationType: 9, color: [255, 255, 152], pageIndex: 0, rect: [60, 700, 300, 720] },
  anchor: { quote: "Chính phủ điện tử", prefix: "phát triển ", suffix: " giai đoạn" }, ...over,
});

/** For each operation: the meeting status that lets someone succeed, and a request the API accepts. */
export const validRequests: Record<string, { status?: MeetingStatus; request: (f: Fixture, w: World) => ValidRequest }> = {
  "meetings.list": { request: () => ({}) },
  "meetings.create": { request: () => ({ body: { title: "Phiên họp mới", kind: "REGULAR", ...inAWeek() } }) },
  "meetings.get": { request: (f) => ({ params: { meetingId: f.meetingId } }) },
  "meetings.update": { request: (f) => ({ params: { meetingId: f.meetingId }, body: { title: "Tên mới" } }) },
  "meetings.duplicate": { request: (f) => ({ params: { meetingId: f.meetingId }, body: inAWeek() }) },
  "meetings.submit": { status: "DRAFT", request: (f) => ({ params: { meetingId: f.meetingId }, body: {} }) },
  "meetings.review": { status: "SUBMITTED", request: (f) => ({ params: { meetingId: f.meetingId }, body: { decision: "APPROVE" } }) },
  "meetings.publish": { status: "APPROVED", request: (f) => ({ params: { meetingId: f.meetingId }, body: {} }) },
  "meetings.cancel": { request: (f) => ({ params: { meetingId: f.meetingId }, body: { reason: "Hoãn" } }) },
  "participants.add": { request: (f, w) => ({ params: { meetingId: f.meetingId }, body: { userId: w.people.spare.id } }) },
  "participants.update": { request: (f) => ({ params: { participantId: f.participantId }, body: { mayVote: false } }) },
  "participants.remove": { request: (f) => ({ params: { participantId: f.participantId }, body: {} }) },
  "participants.deputy": { request: (f, w) => ({ params: { participantId: f.representedParticipantId }, body: { deputyUserId: w.people.spare.id } }) },
  "meetings.rsvp": { request: (f) => ({ params: { meetingId: f.meetingId }, body: { answer: "ABSENT", reason: "Đi công tác" } }) },
  "meetings.deputies": { request: (f) => ({ params: { meetingId: f.meetingId } }) },
  "meetings.seen": { request: (f) => ({ params: { meetingId: f.meetingId }, body: { version: 1 } }) },
  "notifications.list": { request: () => ({}) },
  "notifications.read": { request: () => ({ body: {} }) },
  "users.list": { request: () => ({}) },
  "me.get": { request: () => ({}) },
  "me.update": { request: () => ({ body: { locale: "vi" } }) },
  "me.password": { request: () => ({ body: { currentPassword: PASSWORD, newPassword: "Mật khẩu mới 2026" } }) },
  "me.sessions.end": { request: () => ({}) },
  "users.setActive": { request: (_f, w) => ({ params: { userId: w.people.spare.id }, body: { active: true } }) },
  "agenda.create": { request: (f) => ({ params: { meetingId: f.meetingId }, body: { title: "Nội dung mới" } }) },
  "agenda.update": { request: (f) => ({ params: { itemId: f.itemId }, body: { title: "Tên mới" } }) },
  "agenda.delete": { request: (f) => ({ params: { itemId: f.itemId }, body: {} }) },
  "agenda.move": { request: (f) => ({ params: { itemId: f.itemId }, body: { parentId: null, position: 0 } }) },
  "agenda.pdf": { request: (f) => ({ params: { meetingId: f.meetingId }, query: { locale: "vi" } }) },
  "documents.upload": { request: (f, w) => ({ params: { meetingId: f.meetingId }, multipart: { title: "Tờ trình", file: w.pdfPart() } }) },
  "documents.addVersion": { request: (f, w) => ({ params: { documentId: f.documentId }, multipart: { file: w.pdfPart() } }) },
  "documents.update": { request: (f) => ({ params: { documentId: f.documentId }, body: { title: "Tên tài liệu mới" } }) },
  "documents.delete": { request: (f) => ({ params: { documentId: f.documentId }, body: {} }) },
  "documents.file": { request: (f) => ({ params: { documentId: f.documentId } }) },
  "documents.firstPage": { request: (f) => ({ params: { documentId: f.documentId } }) },
  "reading.report": { request: (f) => ({ params: { documentId: f.documentId }, body: { version: 1, pages: [1], lastPage: 1 } }) },
  "reading.progress": { request: (f) => ({ params: { meetingId: f.meetingId } }) },
  "annotations.list": { request: (f) => ({ params: { documentId: f.documentId }, query: { version: "1" } }) },
  "annotations.save": { request: (f) => ({ params: { documentId: f.documentId, clientId: `note-${crypto.randomUUID()}` }, body: validAnnotation() }) },
  "annotations.delete": { request: (f) => ({ params: { documentId: f.documentId, clientId: `note-${crypto.randomUUID()}` } }) },
  "annotations.carry": { request: (f) => ({ params: { documentId: f.documentId }, body: { version: 1 } }) },
  "documents.download": { request: (f) => ({ params: { documentId: f.documentId } }) },
  "documents.changes": { request: (f) => ({ params: { documentId: f.documentId }, query: { version: "1", since: "1" } }) },
  "annotations.export": { request: (f) => ({ params: { meetingId: f.meetingId } }) },
  "annotations.exportPdf": { request: (f) => ({ params: { meetingId: f.meetingId } }) },
  "annotations.mine": { request: (f) => ({ params: { meetingId: f.meetingId } }) },
  "live.run": { request: (f) => ({ params: { meetingId: f.meetingId }, body: { command: "goto", itemId: f.itemId } }) },
  "live.present": { status: "IN_PROGRESS", request: (f) => ({ params: { meetingId: f.meetingId }, body: { documentId: f.documentId, page: 1 } }) },
  "live.display.issue": { request: (f) => ({ params: { meetingId: f.meetingId }, body: {} }) },
  "live.display.revoke": { request: (f) => ({ params: { meetingId: f.meetingId }, body: {} }) },
  "live.room": { request: (f) => ({ params: { meetingId: f.meetingId } }) },
  "live.room.shown": { request: (f) => ({ params: { meetingId: f.meetingId }, query: { document: f.documentId } }) },
  "live.displays.list": { request: (f) => ({ params: { meetingId: f.meetingId } }) },
  "live.displays.assign": { request: (f, w) => ({ params: { meetingId: f.meetingId }, body: { userId: w.people.display.id, assigned: true } }) },
  "attendance.checkIn": { request: (f) => ({ params: { meetingId: f.meetingId }, body: { present: true } }) },
  "attendance.checkInDeputy": { request: (f) => ({ params: { meetingId: f.meetingId }, body: { participantId: f.representedParticipantId, present: true } }) },
  "attendance.mark": { request: (f) => ({ params: { meetingId: f.meetingId }, body: { participantId: f.participantId, mark: "PRESENT" } }) },
  "speakers.request": { status: "IN_PROGRESS", request: (f) => ({ params: { meetingId: f.meetingId }, body: { kind: "SPEAK" } }) },
  "speakers.withdraw": { status: "IN_PROGRESS", request: (f) => ({ params: { meetingId: f.meetingId }, body: {} }) },
  "audit.verify": { request: () => ({}) },
  "votes.create": { request: (f) => ({ params: { meetingId: f.meetingId }, body: { question: "Thông qua Tờ trình?", ballotKind: "SECRET" } }) },
  "votes.get": { request: (f) => ({ params: { voteId: f.voteId } }) },
  "votes.delete": { request: (f) => ({ params: { voteId: f.voteId }, body: {} }) },
  "votes.open": { status: "IN_PROGRESS", request: (f) => ({ params: { voteId: f.voteId }, body: {} }) },
  "votes.close": { status: "IN_PROGRESS", request: (f) => ({ params: { voteId: f.openVoteId }, body: {} }) },
  "votes.cast": { status: "IN_PROGRESS", request: (f) => ({ params: { voteId: f.openVoteId }, body: { choice: 0 } }) },
  "votes.resultPdf": { request: (f) => ({ params: { voteId: f.voteId } }) },
  "votes.resultCsv": { request: (f) => ({ params: { voteId: f.voteId } }) },
  "opinions.list": { request: () => ({}) },
  "opinions.create": {
    request: (_f, w) => ({ body: { title: "Xin ý kiến", deadline: inAWeek().startsAt, questions: ["Thông qua?"], recipientIds: [w.people.member.id], approverId: w.people.chair.id } }),
  },
  "opinions.papers": { request: () => ({}) },
  "opinions.get": { request: (f) => ({ params: { opinionId: f.opinions.OPEN } }) },
  "opinions.update": { request: (f) => ({ params: { opinionId: f.opinions.DRAFT }, body: { title: "Tên mới" } }) },
  "opinions.submit": { request: (f) => ({ params: { opinionId: f.opinions.DRAFT }, body: {} }) },
  "opinions.review": { request: (f) => ({ params: { opinionId: f.opinions.SUBMITTED }, body: { decision: "APPROVE" } }) },
  "opinions.answer": { request: (f) => ({ params: { opinionId: f.opinions.OPEN }, body: { answers: [{ questionId: f.opinionQuestionId, choice: "AGREE" }] } }) },
  "opinions.close": { request: (f) => ({ params: { opinionId: f.opinions.OPEN }, body: {} }) },
  "opinions.summary": { request: (f) => ({ params: { opinionId: f.opinions.OPEN } }) },
  "opinions.report": { request: (f) => ({ params: { opinionId: f.opinions.OPEN } }) },
  "opinions.paper": { request: (f) => ({ params: { opinionId: f.opinions.OPEN, documentId: f.documentId } }) },
  "speakers.manage": { status: "IN_PROGRESS", request: (f) => ({ params: { meetingId: f.meetingId }, body: { command: "next", after: null } }) },
};
