// The live summary over a real socket.io server: it reaches the secretariat's and the approver's own devices, never
// a member's (members do not see each other's answers); the member's own devices hear that their answer was recorded.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import type { Server } from "socket.io";
import type { Actor } from "../policy";
import { makeUser, sessionCookie } from "../../tests/fixtures";
import { attachRealtime } from "../realtime/server";
import { setRealtimeServer } from "../realtime/publish";
import { db } from "../db";
import { answerOpinion, createOpinion, reviewOpinion, submitOpinion } from "./commands";
import { createOpinionSchema, opinionSummarySchema } from "./schema";

let httpServer: http.Server;
let ioServer: Server;
let url: string;
const sockets: Socket[] = [];
beforeAll(async () => {
  httpServer = http.createServer();
  ioServer = attachRealtime(httpServer);
  await new Promise<void>((r) => httpServer.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  setRealtimeServer(undefined);
  await ioServer.close();
});

const until = async (cond: () => boolean, ms = 20_000) => {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 15));
  }
};

async function device(actor: Actor) {
  const socket = connect(url, { transports: ["websocket"], extraHeaders: { cookie: await sessionCookie(actor) }, forceNew: true, reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
  const received: { name: string; payload: unknown }[] = [];
  socket.onAny((name, payload) => received.push({ name, payload }));
  return received;
}

describe("written opinions live", () => {
  it("the summary goes to the secretariat and the approver only; the member hears their own answer was recorded", async () => {
    const sec = await makeUser("SECRETARIAT");
    const approver = await makeUser("MEMBER", "Thủ tướng");
    const [a, b] = [await makeUser(), await makeUser()];
    const { id } = await createOpinion(sec, createOpinionSchema.parse({
      title: "Xin ý kiến", deadline: new Date(Date.now() + 86_400_000).toISOString(), questions: ["Thông qua?"], recipientIds: [a.id, b.id], approverId: approver.id,
    }));
    await submitOpinion(sec, id);
    await reviewOpinion(approver, id, { decision: "APPROVE" });
    const [onSec, onApprover, onA, onB] = [await device(sec), await device(approver), await device(a), await device(b)];
    const question = await db.opinionQuestion.findFirstOrThrow({ where: { requestId: id } });
    await answerOpinion(a, id, { answers: [{ questionId: question.id, choice: "DISAGREE" }] });
    const summaries = (r: typeof onSec) => r.filter((e) => e.name === "opinion.summary").map((e) => opinionSummarySchema.parse(e.payload)).filter((s) => s.opinionId === id);
    await until(() => summaries(onSec).length > 0 && summaries(onApprover).length > 0 && onA.some((e) => e.name === "opinion.answered"));
    for (const r of [onSec, onApprover]) {
      const last = summaries(r).at(-1)!;
      expect(last.answered).toBe(1);
      expect(last.questions[0].counts).toEqual({ AGREE: 0, DISAGREE: 1, OTHER: 0 });
      expect(last.notAnswered.map((p) => p.id)).toEqual([b.id]);
    }
    // Give a stray message time to arrive: none reaches a member.
    await new Promise((r) => setTimeout(r, 300));
    expect(onA.some((e) => e.name === "opinion.summary")).toBe(false);
    expect(onB.some((e) => e.name === "opinion.summary")).toBe(false);
    expect(onB.some((e) => e.name === "opinion.answered")).toBe(false);
  });
});
