// The reader's note bar as a member uses it on page 1 (Vietnamese labels): take a tool, highlight words, draw a stroke.
import { expect, type Locator, type Page } from "@playwright/test";

export function noteTools(page: Page) {
  const firstPage = page.locator('.page[data-page-number="1"]');
  const tool = (name: string) => page.getByRole("toolbar", { name: "Công cụ ghi chú" }).getByRole("button", { name, exact: true });
  return {
    tool,
    /** Takes a tool (or puts it down) and waits until pdf.js's editor has switched. */
    async take(name: string, on = true) {
      await tool(name).tap();
      await expect(tool(name)).toHaveAttribute("aria-pressed", String(on));
    },
    /** With the highlighter in hand: selects the first words of the line that starts so. */
    async highlight(start: RegExp, words: Locator = firstPage.locator(".textLayer span").filter({ hasText: start }).first()) {
      const box = (await words.boundingBox())!;
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 8 });
      await page.mouse.up();
    },
    /** With the pen in hand: a zigzag across the margin of page 1. */
    async stroke() {
      const pageBox = (await firstPage.boundingBox())!;
      await page.mouse.move(pageBox.x + 60, pageBox.y + 520);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) await page.mouse.move(pageBox.x + 60 + i * 25, pageBox.y + 520 + (i % 2) * 30);
      await page.mouse.up();
    },
  };
}
