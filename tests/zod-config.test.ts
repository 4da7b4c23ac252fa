// instrumentation-client.ts turns zod's compiled parsers (and their eval probe, a CSP violation) off in the browser
// without importing zod, through the global zod keeps its configuration on. If an upgrade of zod stops reading it,
// this fails: zod would probe eval again on every page.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const root = path.resolve(__dirname, "..");
const probe = (first: string) =>
  JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", `${first}
      const { z } = await import("zod");
      const { util } = await import("zod/v4/core");
      const parsed = z.object({ a: z.string() }).parse({ a: "x", b: 1 });
      console.log(JSON.stringify({ jitless: z.config().jitless ?? false, allowsEval: util.allowsEval.value, parsed }));`], { cwd: root, encoding: "utf8" }),
  );

describe("zod's configuration in the browser", () => {
  test("instrumentation-client.ts makes zod jitless and skips its eval probe, without importing zod", () => {
    expect(probe(`await import("./instrumentation-client.ts");`)).toEqual({ jitless: true, allowsEval: false, parsed: { a: "x" } });
    // Without it, the same process compiles parsers (eval is allowed in Node): the check above means something.
    expect(probe("")).toEqual({ jitless: false, allowsEval: true, parsed: { a: "x" } });
    expect(fs.readFileSync(path.join(root, "instrumentation-client.ts"), "utf8")).not.toMatch(/from\s+["']zod/);
  });
});
