// The picture of a paper's first page (lib/documents/firstpage.ts): made by pdf.js on the server after an upload, a
// real WebP of the page at the reader's width; none (and no error) for a paper pdf.js cannot draw; served by the same
// rules as the paper's file, conditionally.
import fs from "node:fs";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { documentOps } from "@/lib/documents/operations";
import { updateDocument, uploadDocument } from "@/lib/documents/commands";
import { FIRST_PAGE_WIDTH, firstPagePicture, firstPageSize } from "@/lib/documents/firstpage";
import { firstPagePaths, storeBlob } from "@/lib/documents/storage";
import { readerView } from "@/lib/reading/queries";
import { World, type Fixture } from "./operation-cases";
import { goodPdf, longTextPdf, truncatedPdf } from "./files/bad-pdfs";
import { makeUser } from "./fixtures";
import { PAPER_CHUNK } from "@/lib/reading/paper-bytes";
import "@/lib/documents/pdf";

let world: World;
let f: Fixture;
beforeAll(async () => {
  world = await World.create();
  f = await world.meetingWith();
});

const get = (documentId: string, who = world.people.member, headers: Record<string, string> = {}) =>
  world.send(documentOps.firstPage, who, { params: { documentId } }, headers);
const isWebp = (b: Uint8Array) => Buffer.from(b.subarray(0, 4)).toString("latin1") === "RIFF" && Buffer.from(b.subarray(8, 12)).toString("latin1") === "WEBP";

describe("the first page's picture", () => {
  it("is made for an uploaded paper: a WebP of page 1 at the reader's width, in the page's proportions", async () => {
    const { version } = (await uploadDocument(world.people.secretariat, f.meetingId, { title: "Tờ trình", fileName: "to-trinh.pdf", bytes: await goodPdf("Tờ trình mới", 2) })).result;
    // Made after the upload's answer; asking now joins that work (or finds it done).
    const picture = await firstPagePicture(version.fileHash);
    expect(picture).not.toBeNull();
    expect(isWebp(picture!)).toBe(true);
    const image = await loadImage(picture!);
    expect(image.width).toBe(FIRST_PAGE_WIDTH);
    // The page's words are on it (not a blank page: pdf.js in Node 20 drew none before its font polyfill).
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext("2d");
    ctx.drawImage(image, 0, 0);
    const pixels = ctx.getImageData(0, 0, image.width, image.height).data;
    let ink = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) ink++;
    expect(ink / (image.width * image.height)).toBeGreaterThan(0.01);
    // A4: 595 × 842 PDF units.
    expect(image.height / image.width).toBeCloseTo(841.89 / 595.28, 2);
    // A text page at this width stays small (a full page of dense text is ~170 KB).
    expect(picture!.length).toBeLessThan(250_000);
    expect(await firstPageSize(version.fileHash)).toEqual({ width: image.width, height: image.height, pageWidth: expect.closeTo(595.28, 1), ranges: expect.any(Array) });
    // The reader's page knows it, for the version it shows.
    const view = await readerView(world.people.member, f.meetingId, version.documentId);
    expect(view.versions[0].firstPage).toMatchObject({ width: FIRST_PAGE_WIDTH });
  });

  it("is not made for a paper pdf.js cannot draw, without an error; the route then answers 404, the reader has none", async () => {
    const { hash } = await storeBlob(await truncatedPdf());
    await expect(firstPagePicture(hash)).resolves.toBeNull();
    await expect(firstPageSize(hash)).resolves.toBeNull();
    const doc = await db.document.create({
      data: { meetingId: f.meetingId, title: "Hỏng", versions: { create: { number: 1, fileHash: hash, fileName: "hong.pdf", size: 10, pageCount: 1, uploadedById: world.people.secretariat.id } } },
    });
    const res = await get(doc.id);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("NOT_FOUND");
    expect((await readerView(world.people.member, f.meetingId, doc.id)).versions[0].firstPage).toBeNull();
    // Nor for a paper whose file is gone from the disk.
    await expect(firstPagePicture("0".repeat(64))).resolves.toBeNull();
  });

  it("is served like the paper's file: private and never stored by a cache, the whole picture every time", async () => {
    const res = await get(f.documentId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("etag")).toBeNull();
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(isWebp(bytes)).toBe(true);
    // Nothing to revalidate: a client's If-None-Match gets the picture again.
    const again = await get(f.documentId, world.people.member, { "If-None-Match": '"page1-anything"' });
    expect(again.status).toBe(200);
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes);
  });

  it("is kept in memory once asked for: a room of members opening the paper at once is not each a disk read", async () => {
    const { version } = (await uploadDocument(world.people.secretariat, f.meetingId, { title: "Phụ lục", fileName: "phu-luc.pdf", bytes: await goodPdf("Phụ lục kèm theo", 1) })).result;
    const picture = await firstPagePicture(version.fileHash);
    expect(picture).not.toBeNull();
    // The stored file overwritten behind the server's back (the app never changes a picture, only makes it): the
    // answers still carry the picture as it was read, from memory, not the disk's bytes.
    fs.writeFileSync(firstPagePaths(version.fileHash).picture, "not read again");
    expect((await firstPagePicture(version.fileHash))?.equals(picture!)).toBe(true);
    const res = await get(version.documentId);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(picture!)).toBe(true);
    // Its sizes too (every member's reader page names them): read once, then from memory.
    const size = await firstPageSize(version.fileHash);
    fs.writeFileSync(firstPagePaths(version.fileHash).info, "{}");
    expect(await firstPageSize(version.fileHash)).toEqual(size);
  });

  it("notes the bytes pdf.js reads for page 1: given only those, pdf.js opens the paper, draws page 1 and reads its words, asking for nothing else", async () => {
    const bytes = await longTextPdf(150);
    const { version } = (await uploadDocument(world.people.secretariat, f.meetingId, { title: "Tờ trình dài", fileName: "dai.pdf", bytes })).result;
    await firstPagePicture(version.fileHash);
    const { ranges } = (await firstPageSize(version.fileHash))!;
    expect(ranges!.length).toBeGreaterThan(0);
    // Joined, in order, in whole chunks (the last one may end at the file's end), within the file; and far less than it.
    let total = 0;
    ranges!.forEach(([b, e], i) => {
      expect(b % PAPER_CHUNK).toBe(0);
      expect(e === bytes.length || e % PAPER_CHUNK === 0).toBe(true);
      expect(e).toBeLessThanOrEqual(bytes.length);
      if (i > 0) expect(b).toBeGreaterThan(ranges![i - 1][1]);
      total += e - b;
    });
    expect(total).toBeLessThan(bytes.length * 0.6);
    // The reader's pdf.js (the same library) given the paper as ranges: those answered, any other asked for is noted.
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const outside: [number, number][] = [];
    const range = new pdfjs.PDFDataRangeTransport(bytes.length, null, false);
    range.requestDataRange = (b: number, e: number) => {
      if (!ranges!.some(([rb, re]) => rb <= b && e <= re)) outside.push([b, e]);
      setImmediate(() => range.onDataRange(b, bytes.slice(b, e)));
    };
    const task = pdfjs.getDocument({ range, rangeChunkSize: PAPER_CHUNK, disableAutoFetch: true, disableStream: true, verbosity: 0 });
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: 1 });
    const { canvas, context } = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: unknown; context: unknown } } }).canvasFactory.create(Math.round(viewport.width), Math.round(viewport.height));
    await page.render({ canvas: canvas as HTMLCanvasElement, canvasContext: context as CanvasRenderingContext2D, viewport }).promise;
    const words = (await page.getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ");
    expect(words).toContain("Page 1, line 0: the draft resolution");
    expect(outside).toEqual([]);
    // A later page is read beyond them: the ranges are page 1's, not the file.
    await (await doc.getPage(75)).getTextContent();
    expect(outside.length).toBeGreaterThan(0);
    await task.destroy();
  });

  it("refuses whom the file refuses: no session 401, outside the meeting 404, a paper restricted to others 404; a top-secret paper is read in the app", async () => {
    expect((await get(f.documentId, null as never)).status).toBe(401);
    expect((await get(f.documentId, world.people.otherMember)).status).toBe(404);
    const listed = await makeUser("MEMBER", "Người được xem");
    await db.participant.create({ data: { meetingId: f.meetingId, userId: listed.id, role: "MEMBER" } });
    await updateDocument(world.people.secretariat, f.documentId, { restricted: true, allowedUserIds: [listed.id] });
    const member = await get(f.documentId);
    expect(member.status).toBe(404);
    expect(await member.text()).not.toContain("RIFF");
    expect((await get(f.documentId, listed)).status).toBe(200);
    expect((await get(f.documentId, world.people.secretariat)).status).toBe(200);
    await updateDocument(world.people.secretariat, f.documentId, { restricted: false, confidentiality: "SECRET" });
    expect((await get(f.documentId)).status).toBe(200);
  });
});
