import { bind, routes } from "@/lib/http/route";
import { userOps } from "@/lib/users/operations";
import { updateMe } from "@/lib/users/commands";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

export const { GET, PATCH } = routes(
  bind(userOps.me, async ({ actor }) => ({ user: actor })),
  bind(userOps.updateMe, async ({ actor, body, headers }) => {
    const user = await updateMe(actor, body);
    headers.append("Set-Cookie", `${LOCALE_COOKIE}=${user.locale}; Path=/; Max-Age=31536000; SameSite=Lax`);
    return { user };
  }),
);
