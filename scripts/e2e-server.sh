#!/usr/bin/env bash
# Serves the production build on a fresh, seeded SQLite database for the Playwright suite.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-3100}"
export DATABASE_URL="file:./data/e2e/e2e.db" STORAGE_DIR="data/e2e/storage" SECRET_FILE="data/e2e/auth-secret"
rm -rf data/e2e
bash scripts/prisma.sh migrate deploy >/dev/null
npx --no-install tsx prisma/seed.ts >/dev/null
PORT="$port" NODE_ENV=production exec npx --no-install tsx server.ts
