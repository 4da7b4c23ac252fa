#!/usr/bin/env bash
# README command 1: install, build, migrate, seed the demo data, and start the production server (port: $PORT, 3000).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
npm run build
npm run db:migrate
npm run db:seed
echo
echo "Demo logins (password: demo-password): admin@demo.gov.vn, secretariat@demo.gov.vn, chair@demo.gov.vn, member1@demo.gov.vn … member8@demo.gov.vn"
exec npm start
