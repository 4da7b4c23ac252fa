// Test data made through the real commands (policy, versions, audit), plus real signed session cookies.
import crypto from "node:crypto";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor, SystemRole } from "@/lib/policy";
import { createMeeting } from "@/lib/meetings/commands";
import { startSession } from "@/lib/auth/sessions";

const unique = () => crypto.randomBytes(4).toString("hex");

export async function makeUser(role: SystemRole = "MEMBER", name = "Người dùng"): Promise<Actor> {
  const u = await db.user.create({
    data: { email: `${role.toLowerCase()}-${unique()}@test.gov.vn`, name: `${name} ${unique()}`, role, passwordHash: "x" },
  });
  return { id: u.id, role: u.role, name: u.name, email: u.email, locale: u.locale };
}

/** A published meeting with the given participants (the secretariat actor creates it). */
export async function makeMeeting(
  secretariat: Actor,
  opts: { members?: Actor[]; chair?: Actor; status?: "DRAFT" | "SUBMITTED" | "PUBLISHED"; approver?: Actor } = {},
) {
  const start = new Date(Date.now() + 86_400_000);
  const meeting = await createMeeting(secretariat, {
    title: `Phiên họp ${unique()}`,
    kind: "REGULAR",
    location: "Hà Nội",
    startsAt: start,
    endsAt: new Date(start.getTime() + 3_600_000),
    chairId: opts.chair?.id ?? null,
    approverId: opts.approver?.id ?? null,
  });
  await db.participant.createMany({
    data: (opts.members ?? []).map((p) => ({ meetingId: meeting.id, userId: p.id, role: "MEMBER" as const })),
  });
  const status = opts.status ?? "PUBLISHED";
  if (status !== "DRAFT") {
    await db.meeting.update({ where: { id: meeting.id }, data: { status, publishedAt: status === "PUBLISHED" ? new Date() : null } });
  }
  return db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
}

/** The cookie header a signed-in browser would send: a live server-side session and a real next-auth JWT naming it. */
export async function sessionCookie(actor: Actor, address = "127.0.0.1"): Promise<string> {
  return (await signIn(actor, address)).cookie;
}

/** A new session for this user, as next-auth makes one at sign-in: its id and the cookie that carries it. */
export async function signIn(actor: Actor, address = "127.0.0.1") {
  const sessionId = await startSession(actor.id, address);
  const token = await encode({ token: { sub: actor.id, sid: sessionId, name: actor.name, email: actor.email }, secret: process.env.NEXTAUTH_SECRET! });
  return { sessionId, cookie: `next-auth.session-token=${token}` };
}

export async function apiRequest(
  actor: Actor | null,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Request> {
  // What a browser sends on a request made by our own pages (Fetch Metadata); CSRF tests override it.
  const h: Record<string, string> = { host: "localhost:3000", "sec-fetch-site": "same-origin", ...headers };
  if (actor) h.cookie = await sessionCookie(actor);
  if (body !== undefined) h["content-type"] = "application/json";
  return new Request(`http://localhost:3000${url}`, { method, headers: h, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
}

export const params = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });

/** What a command refused with (status and message), or a failure when it was not refused: `await refusal(cmd(...))`. */
export async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { status: e.status, text: e.text };
    throw e;
  }
  throw new Error("not refused");
}
