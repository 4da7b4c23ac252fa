#!/usr/bin/env bash
# Everything: unit + integration + realtime (Vitest, real SQLite and socket.io), then e2e (Playwright, Chromium,
# production build). Ends with one line "N passed, N failed" summed over both runners.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null 2>&1; then
  echo "Installing Chromium (Debian package) for the browser tests…"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi
mkdir -p test-results
rm -f test-results/vitest-results.json test-results/e2e-results.json
npm run build || { echo "0 passed, 1 failed"; exit 1; }
npx --no-install vitest run; unit=$?
npx --no-install playwright test; e2e=$?
node -e '
const fs = require("fs");
const read = (f) => { try { return JSON.parse(fs.readFileSync(f, "utf8")); } catch { return null; } };
const v = read("test-results/vitest-results.json");
const p = read("test-results/e2e-results.json");
let passed = 0, failed = 0;
if (v) { passed += v.numPassedTests; failed += v.numFailedTests; } else failed += 1;
if (p) { passed += p.stats.expected + p.stats.flaky; failed += p.stats.unexpected; } else failed += 1;
console.log(`vitest: ${v ? v.numPassedTests + " passed, " + v.numFailedTests + " failed" : "no results"}; playwright: ${p ? p.stats.expected + " passed, " + p.stats.unexpected + " failed, " + p.stats.flaky + " flaky (passed on the retry)" : "no results"}`);
console.log(`${passed} passed, ${failed} failed`);
'
[ "$unit" = 0 ] && [ "$e2e" = 0 ]
