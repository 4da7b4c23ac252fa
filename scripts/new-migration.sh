#!/usr/bin/env bash
# Authors the next migration offline: diffs the schema as of the last commit against prisma/schema.prisma.
# Usage: npm run db:migration:new -- <name>
set -euo pipefail
name="${1:?usage: npm run db:migration:new -- <name>}"
cd "$(dirname "$0")/.."
prev=$(mktemp --suffix=.prisma)
if git cat-file -e HEAD:prisma/schema.prisma 2>/dev/null; then git show HEAD:prisma/schema.prisma > "$prev"; from=(--from-schema-datamodel "$prev"); else from=(--from-empty); fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
sql=$(bash scripts/prisma.sh migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script)
rm -f "$prev"
if ! grep -qv '^-- This is an empty migration' <<<"$sql" || [ -z "$(grep -v '^--' <<<"$sql" | tr -d '[:space:]')" ]; then
  echo "schema.prisma has no change since HEAD: no migration written"; exit 0
fi
mkdir -p "$dir"; printf '%s\n' "$sql" > "$dir/migration.sql"
echo "wrote $dir/migration.sql — review it, then npm run db:migrate"
