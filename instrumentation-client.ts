// Runs in the browser before the app's own code. zod compiles object parsers with `new Function` after probing
// whether eval is allowed; the pages' CSP (lib/http/csp.ts) forbids eval, and the probe itself is reported as a
// violation. The browser parses few, small payloads, so zod's interpreter is fast enough.
//
// Set where zod reads its configuration (zod 4 keeps it on globalThis.__zod_globalConfig, which `z.config` writes)
// instead of importing zod here: this file is in every page's first scripts, and importing zod put all of it there,
// ~110 KB evaluated before anything else on every page (the reader's page, which needs no zod until after page 1, paid
// for it on a busy tablet). tests/zod-config.test.ts checks that zod still reads this.
const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
g.__zod_globalConfig = { ...g.__zod_globalConfig, jitless: true };
