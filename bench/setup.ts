// The benchmark's data, made through the app's own commands where it matters (meetings, agenda: policy, versions,
// events, audit) and in bulk where only rows are needed (users, participants, papers). Sessions are real sign-in
// sessions (lib/auth/sessions.ts) with the JWT cookie next-auth would set. Import only after DATABASE_URL is set.
import crypto from "node:crypto";
import { encode } from "next-auth/jwt";
import { db } from "../lib/db/index.ts";
import { startSession } from "../lib/auth/sessions.ts";
import { createMeeting } from "../lib/meetings/commands.ts";
import { createAgendaItem } from "../lib/agenda/commands.ts";
import type { Actor } from "../lib/policy/index.ts";

const start = new Date(Date.UTC(2026, 10, 10, 1, 0)); // 08:00 in Hanoi
const hours = (h: number) => new Date(start.getTime() + h * 3_600_000);

export async function signIn(user: Actor): Promise<string> {
  const sid = await startSession(user.id, "127.0.0.1");
  const token = await encode({ token: { sub: user.id, sid, name: user.name, email: user.email }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

export async function users(role: "SECRETARIAT" | "MEMBER", count: number, prefix: string): Promise<Actor[]> {
  const tag = crypto.randomBytes(3).toString("hex");
  const data = Array.from({ length: count }, (_, i) => ({
    email: `${prefix}-${i + 1}-${tag}@bench.gov.vn`,
    name: `${role === "MEMBER" ? "Đại biểu" : "Thư ký"} ${prefix} ${i + 1}`,
    title: role === "MEMBER" ? "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ" : null,
    role,
    passwordHash: "x",
  }));
  await db.user.createMany({ data });
  const rows = await db.user.findMany({ where: { email: { in: data.map((d) => d.email) } }, orderBy: { email: "asc" } });
  return rows.map((u) => ({ id: u.id, role: u.role, name: u.name, email: u.email, locale: u.locale }));
}

/**
 * A published meeting with `members` as participants (the first chairs it), an agenda of `topItems` × 2 sub-items
 * (presenters on some), and `papers` papers (every eighth restricted to the first two members, every fifth
 * confidential). Returns the meeting and its first top-level item (the one the benchmark renames).
 */
export async function meeting(sec: Actor, members: Actor[], title: string, topItems: number, papers: number) {
  const m = await createMeeting(sec, { title, kind: "REGULAR", location: "Phòng họp số 1, Trụ sở Chính phủ", startsAt: start, endsAt: hours(4), chairId: members[0].id, approverId: null });
  await db.participant.createMany({ data: members.slice(1).map((u) => ({ meetingId: m.id, userId: u.id, role: "MEMBER" as const })) });
  const itemIds: string[] = [];
  for (let a = 1; a <= topItems; a++) {
    const top = (await createAgendaItem(sec, m.id, { title: `Nội dung ${a}: dự thảo Nghị quyết về Chính phủ điện tử`, plannedMinutes: 20, presenterId: members[a % members.length].id, description: "Bộ Thông tin và Truyền thông trình; các thành viên Chính phủ cho ý kiến." })).result.id;
    itemIds.push(top);
    for (let b = 1; b <= 2; b++) {
      itemIds.push((await createAgendaItem(sec, m.id, { title: `Nội dung ${a}.${b}: báo cáo thẩm tra`, plannedMinutes: 10, parentId: top })).result.id);
    }
  }
  for (let d = 0; d < papers; d++) {
    const restricted = d % 8 === 7;
    await db.document.create({
      data: {
        meetingId: m.id,
        agendaItemId: d % 10 === 9 ? null : itemIds[(d * 7) % itemIds.length],
        title: `Tài liệu ${d + 1}: tờ trình, dự thảo và báo cáo đánh giá tác động`,
        confidentiality: d % 5 === 4 ? "CONFIDENTIAL" : "NORMAL",
        restricted,
        versions: { create: { number: 1, fileHash: crypto.createHash("sha256").update(`${m.id}-${d}`).digest("hex"), fileName: `tai-lieu-${d + 1}.pdf`, size: 250_000 + d * 1000, pageCount: 3 + (d % 30), uploadedById: sec.id } },
        ...(restricted ? { access: { create: members.slice(0, 2).map((u) => ({ userId: u.id })) } } : {}),
      },
    });
  }
  await db.meeting.update({ where: { id: m.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
  return { id: m.id, itemId: itemIds[0] };
}

export interface BenchData {
  secCookie: string;
  /** The meeting every tablet sits in, and the item renamed in it. */
  room: { id: string; itemId: string; participants: number };
  /** One session (cookie) per tablet, spread over the room's participants. */
  tabletCookies: string[];
  /** A cabinet-sized meeting for the HTTP load, and one session per concurrent user. */
  cabinet: { id: string; participants: number; items: number; papers: number };
  userCookies: string[];
  sec: Actor;
}

export async function makeBenchData(opts: { tablets: number; roomParticipants: number; httpUsers: number }): Promise<BenchData> {
  const [sec] = await users("SECRETARIAT", 1, "sec");
  const roomMembers = await users("MEMBER", opts.roomParticipants, "room");
  const cabinetMembers = await users("MEMBER", opts.httpUsers, "cabinet");
  const room = await meeting(sec, roomMembers, "Hội nghị trực tuyến Chính phủ với các địa phương", 10, 12);
  const cabinet = await meeting(sec, cabinetMembers, "Phiên họp Chính phủ thường kỳ tháng 11", 8, 16);
  const tabletCookies: string[] = [];
  for (let i = 0; i < opts.tablets; i++) tabletCookies.push(await signIn(roomMembers[i % roomMembers.length]));
  const userCookies: string[] = [];
  for (const u of cabinetMembers) userCookies.push(await signIn(u));
  return {
    sec,
    secCookie: await signIn(sec),
    room: { ...room, participants: roomMembers.length },
    tabletCookies,
    cabinet: { id: cabinet.id, participants: cabinetMembers.length, items: 8 * 3, papers: 16 },
    userCookies,
  };
}

/** A large meeting for the in-process measurements (snapshot read, agenda PDF): 60 items on 3 levels, 40 papers. */
export async function makeLargeMeeting(sec: Actor, members: number) {
  const people = await users("MEMBER", members, "large");
  const m = await createMeeting(sec, { title: "Phiên họp chuyên đề – 60 nội dung, 40 tài liệu", kind: "THEMATIC", location: "Hà Nội", startsAt: start, endsAt: hours(8), chairId: people[0].id, approverId: null });
  await db.participant.createMany({ data: people.slice(1).map((u) => ({ meetingId: m.id, userId: u.id, role: "MEMBER" as const })) });
  const itemIds: string[] = [];
  for (let a = 1; a <= 6; a++) {
    const top = (await createAgendaItem(sec, m.id, { title: `Nội dung ${a}: dự thảo Nghị quyết`, plannedMinutes: 10, presenterId: people[a % members].id })).result.id;
    itemIds.push(top);
    for (let b = 1; b <= 3; b++) {
      const mid = (await createAgendaItem(sec, m.id, { title: `Nội dung ${a}.${b}: báo cáo thẩm tra`, plannedMinutes: 5, parentId: top })).result.id;
      itemIds.push(mid);
      for (let c = 1; c <= 2; c++) itemIds.push((await createAgendaItem(sec, m.id, { title: `Nội dung ${a}.${b}.${c}: ý kiến các Bộ, ngành`, plannedMinutes: 3, parentId: mid })).result.id);
    }
  }
  for (let d = 0; d < 40; d++) {
    await db.document.create({
      data: {
        meetingId: m.id,
        agendaItemId: d % 10 === 9 ? null : itemIds[(d * 7) % itemIds.length],
        title: `Tài liệu ${d + 1}: tờ trình, dự thảo và báo cáo đánh giá tác động`,
        restricted: d % 8 === 7,
        versions: { create: { number: 1, fileHash: crypto.createHash("sha256").update(`large-${d}`).digest("hex"), fileName: `tai-lieu-${d + 1}.pdf`, size: 250_000, pageCount: 12, uploadedById: sec.id } },
      },
    });
  }
  await db.meeting.update({ where: { id: m.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
  return { id: m.id, member: people[2], items: itemIds.length };
}
