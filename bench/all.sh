#!/usr/bin/env bash
# `npm run bench`: every benchmark, one after another (each starts its own servers and database, and writes its own
# bench/RESULTS*.md). BENCH_ONLY="votes reader" runs only the named ones. Exit code: non-zero when any of them failed.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
run() {
  local name=$1 script=$2
  if [ -n "${BENCH_ONLY:-}" ] && [[ " $BENCH_ONLY " != *" $name "* ]]; then return; fi
  echo "== bench: $name ($script)"
  npx --no-install tsx "$script" || status=1
}
run realtime bench/run.ts
run votes bench/votes.ts
run reader bench/reader.ts
exit $status
