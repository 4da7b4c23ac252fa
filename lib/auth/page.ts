// Pages (server components) learn the actor the same way routes do; no session sends them to /login.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getActor } from "./actor.ts";

export async function pageActor() {
  const actor = await getActor(await headers());
  if (!actor) redirect("/login");
  return actor;
}
