// pdf.js's labels from our message files, as the Fluent its GenericL10n reads.
import { describe, expect, it } from "vitest";
import { pdfjsFluent, pdfjsLocaleIndex, toFluent } from "./pdfjs";

describe("pdf.js's labels in our languages", () => {
  it("turns a value, attributes and placeholders into Fluent entries with pdf.js's ids", () => {
    expect(toFluent({ "editor-ink-added-alert": "Đã thêm nét vẽ", "page-landmark": { "aria-label": "Trang {page}" }, "free-text2": { "aria-label": "Ghi chú", "default-content": "Nhập…" } })).toBe(
      "pdfjs-editor-ink-added-alert = Đã thêm nét vẽ\npdfjs-page-landmark =\n    .aria-label = Trang { $page }\npdfjs-free-text2 =\n    .aria-label = Ghi chú\n    .default-content = Nhập…\n",
    );
    expect(toFluent({ "annotation-date-time-string": "{dateObj}" })).toContain("DATETIME($dateObj");
  });

  it("has in both languages every label pdf.js gives the notes a member makes (delete buttons, editors, announcements)", () => {
    for (const [locale, remove, landmark] of [["vi", "Xoá nét vẽ", "Trang { $page }"], ["en", "Delete drawing", "Page { $page }"]] as const) {
      const ftl = pdfjsFluent(locale);
      for (const id of ["editor-remove-ink-button", "editor-remove-highlight-button", "editor-remove-freetext-button", "editor-ink-editor", "editor-highlight-editor", "free-text2", "editor-ink-added-alert", "page-landmark"]) {
        expect(ftl, `${locale} ${id}`).toMatch(new RegExp(`^pdfjs-${id} =`, "m"));
      }
      expect(ftl).toContain(`.title = ${remove}`);
      expect(ftl).toContain(`.aria-label = ${landmark}`);
    }
    expect(pdfjsLocaleIndex()).toEqual({ vi: "vi.ftl", "en-us": "en.ftl" });
  });
});
