// Conditional requests (RFC 9110 §13.1.2): is what the client holds still current?

/** Weak comparison; `If-None-Match` may list several tags, or be `*`. */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || opaque(t) === opaque(etag));
}
