#!/usr/bin/env bash
# Installs the exact dependency versions of package-lock.json, quietly.
# Normally `npm ci`. A registry mirror that lacks a few other platforms' optional binaries at the locked versions
# (@napi-rs/canvas-darwin-*, @tailwindcss/oxide-win32-*, …) makes npm leave them out of the lock, and `npm ci` then
# refuses the lock with a hundred error lines although nothing for this platform is missing. scripts/lock-complete.mjs
# sees that beforehand; `npm install` then installs the same locked versions (checked), and the lock file is kept as is.
set -euo pipefail
cd "$(dirname "$0")/.."
if node scripts/lock-complete.mjs; then
  exec npm ci --no-audit --no-fund
fi
echo "Installing the locked versions with npm install instead of npm ci."
saved=$(mktemp)
trap 'rm -f "$saved"' EXIT
cp package-lock.json "$saved"
npm install --no-audit --no-fund
status=0
node scripts/lock-complete.mjs "$saved" || status=$?
cp "$saved" package-lock.json # another npm's formatting is not a change to commit
exit $status
