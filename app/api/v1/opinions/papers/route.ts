import { bind, routes } from "@/lib/http/route";
import { opinionOps } from "@/lib/opinions/operations";
import { linkablePapers } from "@/lib/opinions/queries";

export const { GET } = routes(bind(opinionOps.papers, async ({ actor }) => ({ papers: await linkablePapers(actor) })));
