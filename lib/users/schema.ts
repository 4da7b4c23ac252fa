// User payloads and answers (HTTP bodies and OpenAPI share them).
import { z } from "zod";
import { msg } from "../errors/index.ts";
import { LOCALES } from "../i18n/config.ts";

export const systemRole = z.enum(["ADMIN", "SECRETARIAT", "MEMBER", "DISPLAY"]);

export const updateMeSchema = z.object({ locale: z.enum(LOCALES) });

/** bcrypt reads at most 72 bytes: a longer password would silently count only its start. */
const BCRYPT_MAX_BYTES = 72;
export const PASSWORD_MIN_LENGTH = 10;

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .refine((p) => new TextEncoder().encode(p).length <= BCRYPT_MAX_BYTES, msg("account.passwordTooLong"));

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(1000), newPassword: newPasswordSchema })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: msg("account.samePassword") });
export type ChangePassword = z.infer<typeof changePasswordSchema>;

/** The administrator turns an account off (its sessions end at once) or on again. */
export const setUserActiveSchema = z.object({ active: z.boolean() });

// Answers (the JSON the API sends).
export const meJson = z.object({
  user: z.object({ id: z.string(), role: systemRole, name: z.string(), email: z.string(), locale: z.string() }),
});
export const preferencesJson = z.object({ user: z.object({ id: z.string(), locale: z.string() }) });
export const endedSessionsJson = z.object({ endedSessions: z.number().int().describe("How many sessions ended") });
export const userActiveJson = z.object({ user: z.object({ id: z.string(), active: z.boolean() }) });

/** Active users for the secretariat's pickers. */
export const userListJson = z.object({
  users: z.array(z.object({ id: z.string(), name: z.string(), title: z.string().nullable(), email: z.string(), role: systemRole })),
});
