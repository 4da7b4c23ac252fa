import { route } from "@/lib/http/route";
import { listMeetings } from "@/lib/meetings/queries";

export const GET = route(async ({ actor }) => ({ meetings: await listMeetings(actor) }));
