#!/usr/bin/env bash
# README command 2: install everything the tests need from scratch (npm ci; Chromium via apt when missing), run all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec npm test
