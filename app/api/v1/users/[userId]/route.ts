import { bind, routes } from "@/lib/http/route";
import { userOps } from "@/lib/users/operations";
import { setUserActive } from "@/lib/users/accounts";

export const { PATCH } = routes(
  bind(userOps.setActive, async ({ actor, params, body }) => ({ user: await setUserActive(actor, params.userId, body) })),
);
