import { bind, routes } from "@/lib/http/route";
import { sessionIdOf } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/http/forwarding";
import { userOps } from "@/lib/users/operations";
import { changeOwnPassword } from "@/lib/users/accounts";

export const { PUT } = routes(
  bind(userOps.changePassword, async ({ req, actor, body }) => changeOwnPassword(actor, (await sessionIdOf(req.headers))!, clientAddress(req.headers), body)),
);
