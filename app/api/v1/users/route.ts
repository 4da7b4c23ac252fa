import { bind, routes } from "@/lib/http/route";
import { userOps } from "@/lib/users/operations";
import { listUsers } from "@/lib/users/queries";

export const { GET } = routes(bind(userOps.list, async ({ actor }) => ({ users: await listUsers(actor) })));
