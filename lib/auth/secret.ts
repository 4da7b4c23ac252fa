// The session secret: NEXTAUTH_SECRET, or (single-node convenience) one generated once and kept beside the database.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export function ensureAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.resolve(process.env.SECRET_FILE || "data/auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
  return process.env.NEXTAUTH_SECRET;
}
