// Runs in the browser before the app's own code. zod compiles object parsers with `new Function` after probing
// whether eval is allowed; the pages' CSP (lib/http/csp.ts) forbids eval, and the probe itself is reported as a
// violation. The browser parses few, small payloads, so zod's interpreter is fast enough.
import { z } from "zod";

z.config({ jitless: true });
