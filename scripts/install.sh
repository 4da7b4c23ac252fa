#!/usr/bin/env bash
# Installs the exact dependency versions of package-lock.json.
# `npm ci` first. Some registries (mirrors) lack a few other-platform optional binaries (@next/swc-darwin-*,
# @tailwindcss/oxide-win32-*, ...): npm then leaves them out of the lock file, and `npm ci` refuses the lock as "out of
# sync" although nothing for this platform is missing. In that case `npm install` installs the same pinned versions.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! npm ci --no-audit --no-fund 2> >(tee /tmp/opencabinet-npm-ci.err >&2); then
  if grep -q "Missing: .* from lock file" /tmp/opencabinet-npm-ci.err; then
    echo "npm ci refused a lock file without other platforms' optional binaries; installing the locked versions with npm install"
    npm install --no-audit --no-fund
  else
    exit 1
  fi
fi
