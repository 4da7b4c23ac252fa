// The route files under app/api/v1, loaded as the tests see them.

/** Route modules by their API path ("/meetings/{meetingId}"), from the files under app/api/v1. */
export async function routeModules(): Promise<Map<string, Record<string, unknown>>> {
  const files = import.meta.glob<Record<string, unknown>>("../app/api/v1/**/route.ts");
  const out = new Map<string, Record<string, unknown>>();
  for (const [file, load] of Object.entries(files)) {
    const path = file.replace("../app/api/v1", "").replace(/\/route\.ts$/, "").replace(/\[(\w+)\]/g, "{$1}");
    out.set(path, await load());
  }
  return out;
}
