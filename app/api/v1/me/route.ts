import { route, jsonBody } from "@/lib/http/route";
import { updateMe, updateMeSchema } from "@/lib/users/commands";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

export const GET = route(async ({ actor }) => ({ user: actor }));

export const PATCH = route(async ({ req, actor }) => {
  const user = await updateMe(actor, await jsonBody(req, updateMeSchema));
  const res = Response.json({ user });
  res.headers.append("Set-Cookie", `${LOCALE_COOKIE}=${user.locale}; Path=/; Max-Age=31536000; SameSite=Lax`);
  return res;
});
