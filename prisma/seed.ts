// Demo data: `npm run db:seed`. Idempotent: users are upserted; a demo meeting that already exists is left as it is.
// Goes through the same commands as the app (policy, versions, events, audit), acting as the secretariat.
import { db } from "../lib/db/index.ts";
import { hashPassword } from "../lib/auth/passwords.ts";
import { createMeeting, publishMeeting, reviewMeeting, submitMeeting } from "../lib/meetings/commands.ts";
import { createAgendaItem } from "../lib/agenda/commands.ts";
import { uploadDocument } from "../lib/documents/commands.ts";
import { briefingPdf } from "../lib/pdf/briefing.ts";
import type { Actor } from "../lib/policy/index.ts";
import { DEMO_PASSWORD, demoMeeting, demoUsers, draftMeeting, type DemoItem } from "./seed-data.ts";

async function seedUsers() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  for (const u of demoUsers) {
    const user = await db.user.upsert({
      where: { email: u.email },
      update: { name: u.name, title: u.title, role: u.role, active: true },
      create: { email: u.email, name: u.name, title: u.title, role: u.role, passwordHash },
    });
    ids.set(u.email, user.id);
  }
  return ids;
}

function nextMonthAt(day: number, hour: number): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + day, hour - 7, 0)); // Hanoi time
}

async function addItems(actor: Actor, meetingId: string, users: Map<string, string>, items: DemoItem[], parentId: string | null) {
  for (const item of items) {
    const { result } = await createAgendaItem(actor, meetingId, {
      title: item.title,
      description: item.description,
      parentId,
      plannedMinutes: item.minutes,
      presenterId: item.presenter ? users.get(item.presenter)! : null,
    });
    for (const paper of item.papers ?? []) {
      const bytes = await briefingPdf({ title: paper.title, sections: paper.sections, minPages: 3, mark: paper.confidentiality === "CONFIDENTIAL" ? "MẬT" : undefined });
      await uploadDocument(actor, meetingId, { title: paper.title, agendaItemId: result.id, confidentiality: paper.confidentiality, fileName: `${paper.title}.pdf`, bytes });
    }
    await addItems(actor, meetingId, users, item.children ?? [], result.id);
  }
}

async function seedMeeting(actor: Actor, users: Map<string, string>, spec: typeof demoMeeting | typeof draftMeeting, opts: { day: number; publish: boolean }) {
  if (await db.meeting.findUnique({ where: { id: spec.id } })) return false;
  const chairId = users.get("chair@demo.gov.vn")!;
  await createMeeting(actor, { title: spec.title, kind: spec.kind, location: spec.location, startsAt: nextMonthAt(opts.day, 8), endsAt: nextMonthAt(opts.day, 11), chairId }, spec.id);
  await db.participant.createMany({
    data: demoUsers
      // The chair joined with createMeeting; a deputy attends only when a member sends him.
      .filter((u) => u.role !== "ADMIN" && u.role !== "DISPLAY" && u.email !== "chair@demo.gov.vn" && !("invited" in u && u.invited === false))
      .map((u) => ({
        meetingId: spec.id,
        userId: users.get(u.email)!,
        role: u.role === "SECRETARIAT" ? ("SECRETARY" as const) : ("MEMBER" as const),
        mayVote: u.role === "MEMBER",
      })),
  });
  try {
    await addItems(actor, spec.id, users, spec.agenda, null);
  } catch (e) {
    await db.meeting.delete({ where: { id: spec.id } }); // no half-seeded meeting: the next run starts it over
    throw e;
  }
  if (opts.publish) {
    // The same flow as in real use: the secretariat submits, the chair approves, the secretariat publishes.
    const chair = await db.user.findUniqueOrThrow({ where: { id: chairId } });
    await submitMeeting(actor, spec.id, {});
    await reviewMeeting({ id: chair.id, role: chair.role, name: chair.name, email: chair.email, locale: chair.locale }, spec.id, { decision: "APPROVE", comment: "" });
    await publishMeeting(actor, spec.id, {});
  }
  return true;
}

async function main() {
  const users = await seedUsers();
  const sec = await db.user.findUniqueOrThrow({ where: { email: "secretariat@demo.gov.vn" } });
  const actor: Actor = { id: sec.id, role: sec.role, name: sec.name, email: sec.email, locale: sec.locale };
  const a = await seedMeeting(actor, users, demoMeeting, { day: 3, publish: true });
  const b = await seedMeeting(actor, users, draftMeeting, { day: 24, publish: false });
  // The room's screen shows the published meeting.
  const display = users.get("display@demo.gov.vn")!;
  await db.meetingDisplay.upsert({ where: { meetingId_userId: { meetingId: demoMeeting.id, userId: display } }, create: { meetingId: demoMeeting.id, userId: display }, update: {} });
  console.log(`Seeded ${users.size} users; published meeting ${a ? "created" : "already there"}; draft meeting ${b ? "created" : "already there"}.`);
  console.log(`Demo logins (password "${DEMO_PASSWORD}"): ${demoUsers.map((u) => u.email).join(", ")}`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (e) => {
    console.error(e);
    await db.$disconnect();
    process.exit(1);
  });
