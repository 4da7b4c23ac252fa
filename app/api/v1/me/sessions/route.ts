import { bind, routes } from "@/lib/http/route";
import { userOps } from "@/lib/users/operations";
import { endAllOwnSessions } from "@/lib/users/accounts";
import { secureCookies, sessionCookieName } from "@/lib/auth/session";

/** Sign out everywhere: every session ends (this browser's too, whose cookie is cleared). */
export const { DELETE } = routes(
  bind(userOps.endSessions, async ({ actor, headers }) => {
    headers.append("Set-Cookie", `${sessionCookieName}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secureCookies ? "; Secure" : ""}`);
    return endAllOwnSessions(actor);
  }),
);
