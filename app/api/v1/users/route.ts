import { route } from "@/lib/http/route";
import { listUsers } from "@/lib/users/queries";

export const GET = route(async ({ actor }) => ({ users: await listUsers(actor) }));
