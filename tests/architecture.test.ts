// The layout rules DESIGN.md asks for, checked on the source: imports go one way (app → components → lib), the UI
// never touches the database, and no module imports itself through a cycle.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

function sources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!["node_modules", "generated", ".next"].includes(e.name)) walk(p);
      } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts")) out.push(p);
    }
  };
  for (const d of ["app", "components", "lib"]) walk(path.join(root, d));
  return out;
}

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const c of [base, base + ".ts", base + ".tsx", path.join(base, "index.ts")]) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

/** Runtime imports only: `import type` is erased and cannot make a cycle at run time. */
function importsOf(file: string): string[] {
  const src = fs.readFileSync(file, "utf8");
  return [...src.matchAll(/^\s*(import|export)\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm)]
    .map((m) => resolveImport(file, m[2]))
    .filter((f): f is string => f !== null);
}

const rel = (f: string) => path.relative(root, f);

describe("architecture", () => {
  const files = sources();
  const graph = new Map(files.map((f) => [f, importsOf(f)]));

  it("has no import cycles", () => {
    const cycles: string[][] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, "open");
      stack.push(f);
      for (const d of graph.get(f) ?? []) {
        if (state.get(d) === "open") cycles.push(stack.slice(stack.indexOf(d)).map(rel));
        else if (!state.get(d)) visit(d);
      }
      stack.pop();
      state.set(f, "done");
    };
    for (const f of files) if (!state.get(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it("imports go one way: lib never imports components or app; components never import app or the database", () => {
    const wrong: string[] = [];
    for (const [f, deps] of graph) {
      const from = rel(f);
      for (const d of deps.map(rel)) {
        if (from.startsWith("lib/") && (d.startsWith("components/") || d.startsWith("app/"))) wrong.push(`${from} → ${d}`);
        if (from.startsWith("components/") && (d.startsWith("app/") || d.startsWith("lib/db/"))) wrong.push(`${from} → ${d}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
