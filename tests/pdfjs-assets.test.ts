// pdf.js's library, viewer, worker and data files come from this app (no CDN), for the installed version only, nothing else of
// node_modules.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/pdfjs/[...asset]/route";
import pkg from "pdfjs-dist/package.json" with { type: "json" };

const get = (...asset: string[]) => GET(new Request("http://localhost/pdfjs"), { params: Promise.resolve({ asset }) });

describe("pdf.js assets", () => {
  it("serves the worker of the installed version as a cacheable script", async () => {
    const res = await get(pkg.version, "build", "pdf.worker.min.mjs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript");
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect((await res.text()).length).toBeGreaterThan(100_000);
    expect((await get(pkg.version, "standard_fonts", "FoxitSerif.pfb")).status).toBe(200);
  });

  it("serves the library and the viewer components the reader loads as modules (components/reader/boot.ts)", async () => {
    for (const asset of [[pkg.version, "build", "pdf.min.mjs"], [pkg.version, "web", "pdf_viewer.mjs"]]) {
      const res = await get(...asset);
      expect(res.status, asset.join("/")).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/javascript");
      expect(await res.text()).toContain("pdfjsVersion = " + pkg.version);
    }
  });

  it("serves pdf.js's labels in our languages: the index its GenericL10n reads, and one Fluent file per language", async () => {
    const index = await get(pkg.version, "l10n", "locale.json");
    expect(index.status).toBe(200);
    expect(await index.json()).toEqual({ vi: "vi.ftl", "en-us": "en.ftl" });
    const vi = await get(pkg.version, "l10n", "vi.ftl");
    expect(vi.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await vi.text()).toMatch(/^pdfjs-editor-remove-ink-button =\n    \.title = Xoá nét vẽ$/m);
    expect(await (await get(pkg.version, "l10n", "en.ftl")).text()).toMatch(/^pdfjs-editor-remove-ink-button =\n    \.title = Delete drawing$/m);
    for (const asset of [[pkg.version, "l10n", "fr.ftl"], [pkg.version, "l10n", "reader.json"], ["1.0.0", "l10n", "vi.ftl"]]) expect((await get(...asset)).status, asset.join("/")).toBe(404);
  });

  it("serves nothing else: another version, another file, a path out of the folder", async () => {
    for (const asset of [["1.0.0", "build", "pdf.worker.min.mjs"], [pkg.version, "build", "pdf.mjs"], [pkg.version, "..", "package.json"],
      [pkg.version, "cmaps", "..%2Fpackage.json"], [pkg.version, "standard_fonts", ".hidden"], [pkg.version, "web", "viewer.mjs"], [pkg.version, "web", "pdf_viewer.css"],
      [pkg.version, "build", "pdf.sandbox.min.mjs"], [pkg.version, "cmaps", "none.bcmap"], [pkg.version, "constructor", "x.mjs"], [pkg.version, "__proto__", "x.mjs"]]) {
      expect((await get(...asset)).status, asset.join("/")).toBe(404);
    }
  });
});
