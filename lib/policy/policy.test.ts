import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { annotationScope, can, authorize, documentScope, meetingScope, type Actor, type MeetingResource } from "./index";
import { AppError } from "../errors";
import { db } from "../db";
import { makeMeeting, makeUser } from "../../tests/fixtures";
import { loadMeetingResource } from "../meetings/access";
import { getMeetingSnapshot } from "../meetings/queries";
import { meetingForChange, readMeetingHead } from "../meetings/snapshot";
import { getDocumentFile } from "../documents/queries";
import { writeTransaction } from "../db/write";

const actor = (role: Actor["role"], id = "u1"): Actor => ({ id, role, name: "x", email: "x@x", locale: "vi" });
const meeting = (over: Partial<MeetingResource> = {}): MeetingResource => ({
  id: "m1", status: "PUBLISHED", chairId: null, approverId: null, publishedAt: new Date(), participant: null, ...over,
});

describe("policy decisions", () => {
  it("refuses a member of meeting A access to meeting B (404, not 403: existence is not disclosed)", () => {
    const member = actor("MEMBER");
    const a = meeting({ id: "A", participant: { role: "MEMBER", mayVote: true } });
    const b = meeting({ id: "B", participant: null });
    expect(can(member, "meeting.view", a)).toBe(true);
    expect(can(member, "meeting.view", b)).toBe(false);
    expect(() => authorize(member, "meeting.view", b)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("refuses a MEMBER (even the chair) editing the agenda with 403", () => {
    for (const role of ["MEMBER", "CHAIR"] as const) {
      const m = meeting({ participant: { role, mayVote: true } });
      expect(can(actor("MEMBER"), "meeting.edit", m)).toBe(false);
      const err = (() => { try { authorize(actor("MEMBER"), "meeting.edit", m); } catch (e) { return e; } })();
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(403);
    }
  });

  it("lets the secretariat edit a meeting until it is closed or cancelled", () => {
    expect(can(actor("SECRETARIAT"), "meeting.edit", meeting({ status: "DRAFT", publishedAt: null }))).toBe(true);
    expect(can(actor("SECRETARIAT"), "meeting.edit", meeting({ status: "CLOSED" }))).toBe(false);
    expect(can(actor("SECRETARIAT"), "meeting.edit", meeting({ status: "CANCELLED" }))).toBe(false);
  });

  it("hides unpublished meetings from participants; shows a submitted one to its approver", () => {
    const p = { role: "MEMBER" as const, mayVote: true };
    expect(can(actor("MEMBER"), "meeting.view", meeting({ status: "DRAFT", publishedAt: null, participant: p }))).toBe(false);
    expect(can(actor("MEMBER", "boss"), "meeting.view", meeting({ status: "SUBMITTED", publishedAt: null, approverId: "boss" }))).toBe(true);
    expect(can(actor("MEMBER", "boss"), "meeting.review", meeting({ status: "SUBMITTED", publishedAt: null, approverId: "boss" }))).toBe(true);
    expect(can(actor("MEMBER", "other"), "meeting.review", meeting({ status: "SUBMITTED", publishedAt: null, approverId: "boss" }))).toBe(false);
  });

  it("a display-only account opens only the room display of a meeting it is assigned to, and nothing else", () => {
    const display = actor("DISPLAY");
    const chairing = meeting({ chairId: display.id, participant: { role: "CHAIR", mayVote: true } });
    for (const status of ["PUBLISHED", "IN_PROGRESS", "CLOSED"] as const) {
      expect(can(display, "meeting.display", { ...meeting({ status }), displayAssigned: true })).toBe(true);
    }
    expect(can(display, "meeting.display", { ...meeting(), displayAssigned: false })).toBe(false);
    expect(can(display, "meeting.display", { ...meeting({ status: "DRAFT", publishedAt: null }), displayAssigned: true })).toBe(false);
    expect(can(display, "meeting.display", { ...meeting({ status: "CANCELLED" }), displayAssigned: true })).toBe(false);
    // Even rows that would make a person see the meeting (a participant, its chair) give a display account nothing.
    for (const action of ["meeting.view", "meeting.run", "meeting.rsvp", "speaker.request", "attendance.checkIn", "meeting.vote"] as const) {
      expect(can(display, action, chairing)).toBe(false);
    }
    expect(can(display, "document.view", { meeting: chairing, restricted: false, allowedUserIds: [] })).toBe(false);
    expect(can(display, "meeting.create")).toBe(false);
    expect(can(display, "user.list")).toBe(false);
    // Nobody else opens a room display this way (they have the meeting page, or a display token).
    for (const role of ["MEMBER", "SECRETARIAT", "ADMIN"] as const) {
      expect(can(actor(role), "meeting.display", { ...chairing, displayAssigned: true })).toBe(false);
    }
  });

  it("only staff create meetings", () => {
    expect(can(actor("MEMBER"), "meeting.create")).toBe(false);
    expect(can(actor("SECRETARIAT"), "meeting.create")).toBe(true);
    expect(can(actor("ADMIN"), "meeting.create")).toBe(true);
  });
});

describe("meetingScope (the query filter) agrees with can(view)", () => {
  it("for every status × role × membership combination, against the real database", async () => {
    const sec = await makeUser("SECRETARIAT");
    const statuses = ["DRAFT", "SUBMITTED", "APPROVED", "PUBLISHED", "IN_PROGRESS", "CLOSED", "CANCELLED"] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...statuses),
        fc.constantFrom("MEMBER", "SECRETARIAT", "ADMIN", "DISPLAY" as const),
        fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(),
        // Named as someone's deputy: in an answer that sends a deputy, or in an answer changed since (no longer).
        fc.constantFrom("none", "DELEGATE", "ATTEND" as const),
        // The seat checked in by deputy (whoever is named there now).
        fc.boolean(),
        async (status, role, participates, isChair, isApprover, wasPublished, deputyIn, deputyCheckedIn) => {
          const user = await makeUser(role);
          const absentee = await makeUser("MEMBER");
          const m = await makeMeeting(sec, { members: participates ? [user, absentee] : [absentee], status: "DRAFT" });
          await db.meeting.update({
            where: { id: m.id },
            data: { status, chairId: isChair ? user.id : null, approverId: isApprover ? user.id : null, publishedAt: wasPublished ? new Date() : null },
          });
          if (deputyIn !== "none") await db.participant.updateMany({ where: { meetingId: m.id, userId: absentee.id }, data: { rsvp: deputyIn, deputyUserId: user.id } });
          if (deputyCheckedIn) await db.participant.updateMany({ where: { meetingId: m.id, userId: absentee.id }, data: { checkedInAt: new Date(), checkedInDeputy: true } });
          // As the entry points load it (lib/meetings/access.ts).
          const resource: MeetingResource = await loadMeetingResource(db, user, m.id);
          const visible = (await db.meeting.count({ where: { AND: [{ id: m.id }, meetingScope(user)] } })) === 1;
          expect(visible).toBe(can(user, "meeting.view", resource));
          // The hot commands' SQL read of the same facts (lib/meetings/snapshot.ts) agrees, and so do the snapshot's
          // permissions (lib/meetings/view.ts, from the participant rows): whether a deputy may ask to speak.
          const bySql = (await writeTransaction((w) => meetingForChange(w, m.id, user.id)))!;
          expect({ represents: bySql.represents, deputySeatCheckedIn: bySql.deputySeatCheckedIn }).toEqual({ represents: resource.represents, deputySeatCheckedIn: resource.deputySeatCheckedIn });
          expect(resource.deputySeatCheckedIn).toBe(deputyIn === "DELEGATE" && deputyCheckedIn);
          const speak = can(user, "speaker.request", resource);
          expect(can(user, "speaker.request", bySql)).toBe(speak);
          if (visible) expect((await getMeetingSnapshot(user, m.id)).permissions.speak).toBe(speak);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("documentScope and annotationScope (the query filters) agree with can()", () => {
  it("for papers: every status × role × membership × restriction × sharing, against the real database", async () => {
    const sec = await makeUser("SECRETARIAT");
    const statuses = ["DRAFT", "SUBMITTED", "PUBLISHED", "IN_PROGRESS", "CLOSED"] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...statuses), fc.constantFrom("MEMBER", "SECRETARIAT", "DISPLAY" as const),
        fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(),
        async (status, role, participates, restricted, shared, isApprover, isDeputy) => {
          const user = await makeUser(role);
          const absentee = await makeUser("MEMBER");
          const m = await makeMeeting(sec, { members: participates ? [user, absentee] : [absentee], status: "DRAFT" });
          // The deputy a member named sees what every participant sees, not the papers shared with the member by name.
          if (isDeputy) await db.participant.updateMany({ where: { meetingId: m.id, userId: absentee.id }, data: { rsvp: "DELEGATE", deputyUserId: user.id } });
          await db.meeting.update({ where: { id: m.id }, data: { status, approverId: isApprover ? user.id : null, publishedAt: status === "DRAFT" || status === "SUBMITTED" ? null : new Date() } });
          const doc = await db.document.create({
            data: {
              meetingId: m.id, title: "Tờ trình", restricted, access: { create: [{ userId: absentee.id }, ...(shared ? [{ userId: user.id }] : [])] },
              versions: { create: { number: 1, fileHash: "h", fileName: "a.pdf", size: 1, pageCount: 1, uploadedById: sec.id } },
            },
          });
          const meeting: MeetingResource = await loadMeetingResource(db, user, m.id);
          const resource = { meeting, restricted, allowedUserIds: shared ? [user.id] : [] };
          const visible = (await db.document.count({ where: { AND: [{ id: doc.id }, documentScope(user)] } })) === 1;
          expect(visible).toBe(can(user, "document.view", resource));
          // The file's and the picture's own reading of the same facts (prepared statements, not Prisma) decides alike.
          const policyFacts = (r: MeetingResource) => ({
            id: r.id, status: r.status, chairId: r.chairId, approverId: r.approverId, published: !!r.publishedAt,
            participant: r.participant && { role: r.participant.role, mayVote: r.participant.mayVote }, represents: !!r.represents, deputySeatCheckedIn: !!r.deputySeatCheckedIn,
          });
          expect(policyFacts(readMeetingHead(user.id, m.id)!.resource)).toEqual(policyFacts(meeting));
          const opened = await getDocumentFile(user, doc.id).then(() => true, (e: AppError) => (e.code === "NOT_FOUND" ? false : Promise.reject(e)));
          expect(opened).toBe(visible);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("for annotations: own or shared, on a paper the actor may see", async () => {
    const sec = await makeUser("SECRETARIAT");
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.constantFrom("PRIVATE", "MEETING" as const),
        async (participates, restricted, shared, ownNote, visibility) => {
          const [user, author] = [await makeUser(), await makeUser()];
          const m = await makeMeeting(sec, { members: participates ? [user, author] : [author] });
          const doc = await db.document.create({
            data: {
              meetingId: m.id, title: "Đề án", restricted,
              ...(shared ? { access: { create: [{ userId: user.id }] } } : {}),
              versions: { create: { number: 1, fileHash: "h", fileName: "a.pdf", size: 1, pageCount: 1, uploadedById: sec.id } },
            },
            include: { versions: true },
          });
          const by = ownNote ? user : author;
          const note = await db.annotation.create({
            data: { documentVersionId: doc.versions[0].id, authorId: by.id, page: 1, kind: "NOTE", geometry: {}, visibility, clientId: `c-${Math.random()}` },
          });
          const row = await db.meeting.findUniqueOrThrow({ where: { id: m.id }, include: { participants: { where: { userId: user.id } } } });
          const meeting: MeetingResource = { ...row, participant: row.participants[0] ?? null };
          const resource = { document: { meeting, restricted, allowedUserIds: shared ? [user.id] : [] }, authorId: by.id, visibility };
          const visible = (await db.annotation.count({ where: { AND: [{ id: note.id }, annotationScope(user)] } })) === 1;
          expect(visible).toBe(can(user, "annotation.view", resource));
          // Private notes are the author's alone: not even the secretariat sees them.
          if (visibility === "PRIVATE" && !ownNote) expect(visible).toBe(false);
          expect((await db.annotation.count({ where: { AND: [{ id: note.id }, annotationScope(sec)] } })) === 1).toBe(visibility === "MEETING");
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("actions on resources", () => {
  const live = (over: Partial<MeetingResource> = {}) => meeting({ status: "IN_PROGRESS", ...over });
  it("the chair and the meeting's secretary run the meeting; members, observers and the secretariat do not", () => {
    expect(can(actor("MEMBER", "c"), "meeting.run", live({ chairId: "c", participant: { role: "CHAIR", mayVote: true } }))).toBe(true);
    expect(can(actor("MEMBER", "s"), "meeting.run", live({ participant: { role: "SECRETARY", mayVote: false } }))).toBe(true);
    expect(can(actor("MEMBER"), "meeting.run", live({ participant: { role: "MEMBER", mayVote: true } }))).toBe(false);
    expect(can(actor("SECRETARIAT"), "meeting.run", live())).toBe(false);
    expect(can(actor("MEMBER", "c"), "meeting.run", meeting({ status: "CLOSED", chairId: "c" }))).toBe(false);
  });

  it("a ballot is cast only by a voting participant while the vote is open in a running meeting", () => {
    const voter = { role: "MEMBER" as const, mayVote: true };
    expect(can(actor("MEMBER"), "vote.cast", { meeting: live({ participant: voter }), status: "OPEN" })).toBe(true);
    expect(can(actor("MEMBER"), "vote.cast", { meeting: live({ participant: voter }), status: "CLOSED" })).toBe(false);
    expect(can(actor("MEMBER"), "vote.cast", { meeting: live({ participant: { role: "OBSERVER", mayVote: false } }), status: "OPEN" })).toBe(false);
    expect(can(actor("ADMIN"), "vote.cast", { meeting: live(), status: "OPEN" })).toBe(false);
  });

  it("a hidden paper or note is a 404 like a hidden meeting; a visible one not yours to change is a 403", () => {
    const m = meeting({ participant: { role: "MEMBER", mayVote: true } });
    const restricted = { meeting: m, restricted: true, allowedUserIds: ["someone-else"] };
    const status = (f: () => void) => { try { f(); return 200; } catch (e) { return (e as AppError).status; } };
    expect(status(() => authorize(actor("MEMBER"), "document.view", restricted))).toBe(404);
    expect(status(() => authorize(actor("MEMBER"), "document.edit", { ...restricted, restricted: false }))).toBe(403);
    const othersPrivate = { document: { ...restricted, restricted: false }, authorId: "x", visibility: "PRIVATE" as const };
    expect(status(() => authorize(actor("MEMBER"), "annotation.edit", othersPrivate))).toBe(404);
    expect(status(() => authorize(actor("MEMBER"), "annotation.edit", { ...othersPrivate, visibility: "MEETING" }))).toBe(403);
  });
});

describe("the deputy a member named", () => {
  const deputyView = (over: Partial<MeetingResource> = {}) => meeting({ represents: true, ...over });
  it("sees a published meeting and checks in for the seat while it runs; nothing a participant's role gives", () => {
    const d = actor("MEMBER");
    expect(can(d, "meeting.view", deputyView())).toBe(true);
    expect(can(d, "meeting.view", deputyView({ status: "DRAFT", publishedAt: null }))).toBe(false);
    expect(can(d, "attendance.checkInDeputy", deputyView())).toBe(true);
    expect(can(d, "attendance.checkInDeputy", deputyView({ status: "IN_PROGRESS" }))).toBe(true);
    expect(can(d, "attendance.checkInDeputy", deputyView({ status: "CLOSED" }))).toBe(false);
    expect(can(d, "attendance.checkInDeputy", meeting())).toBe(false);
    // Their reading of the member's papers is recorded (for the member's seat).
    expect(can(d, "reading.record", deputyView())).toBe(true);
    expect(can(d, "reading.record", meeting())).toBe(false);
    for (const action of ["attendance.checkIn", "meeting.rsvp", "meeting.seen", "speaker.request", "meeting.run", "meeting.vote", "participant.nameDeputy"] as const) {
      expect(can(d, action, deputyView({ status: "IN_PROGRESS" })), action).toBe(false);
    }
    // Checked in for the seat, they may ask to speak in the member's place; still not run, vote, answer or check in as themself.
    const here = deputyView({ status: "IN_PROGRESS", deputySeatCheckedIn: true });
    expect(can(d, "speaker.request", here)).toBe(true);
    for (const action of ["attendance.checkIn", "meeting.rsvp", "meeting.seen", "meeting.run", "meeting.vote", "participant.nameDeputy"] as const) {
      expect(can(d, action, here), action).toBe(false);
    }
    // Papers: those everyone in the meeting may read, not one shared with the member by name.
    expect(can(d, "document.view", { meeting: deputyView(), restricted: false, allowedUserIds: [] })).toBe(true);
    expect(can(d, "document.view", { meeting: deputyView(), restricted: true, allowedUserIds: ["member"] })).toBe(false);
    expect(can(d, "annotation.create", { meeting: deputyView(), restricted: false, allowedUserIds: [] })).toBe(false);
    // The secretariat names the deputy's account while the meeting is published and not over; nobody else does.
    expect(can(actor("SECRETARIAT"), "participant.nameDeputy", meeting({ status: "IN_PROGRESS" }))).toBe(true);
    for (const status of ["DRAFT", "CLOSED", "CANCELLED"] as const) expect(can(actor("SECRETARIAT"), "participant.nameDeputy", meeting({ status }))).toBe(false);
    expect(can(actor("MEMBER"), "participant.nameDeputy", meeting({ participant: { role: "CHAIR", mayVote: true } }))).toBe(false);
    // Asking to speak: only while the meeting runs, only as the named deputy (a stale check-in fact alone gives nothing).
    expect(can(d, "speaker.request", deputyView({ deputySeatCheckedIn: true }))).toBe(false);
    expect(can(d, "speaker.request", deputyView({ status: "CLOSED", deputySeatCheckedIn: true }))).toBe(false);
    expect(can(d, "speaker.request", meeting({ status: "IN_PROGRESS", deputySeatCheckedIn: true }))).toBe(false);
    expect(can(actor("DISPLAY"), "speaker.request", here)).toBe(false);
    // A display account is never anyone's deputy in the policy's eyes.
    expect(can(actor("DISPLAY"), "meeting.view", deputyView())).toBe(false);
  });
});
