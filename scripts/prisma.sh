#!/usr/bin/env bash
# Runs the Prisma CLI offline: the JS engines need no binaries, but the CLI still looks for them and would try to
# download them unless these point at an existing executable (prisma.config.ts supplies the real better-sqlite3 adapter).
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}"
export PRISMA_QUERY_ENGINE_LIBRARY="${PRISMA_QUERY_ENGINE_LIBRARY:-/bin/true}"
export PRISMA_HIDE_UPDATE_MESSAGE=1
exec npx --no-install prisma "$@"
