// Pages (server components) learn the actor the same way routes do; no session sends them to /login.
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "../errors/index.ts";
import { getActor } from "./actor.ts";

/** The actor of this render, read once per request however many server components (and next-intl) ask. */
export const requestActor = cache(async () => getActor(await headers()));

export async function pageActor() {
  const actor = await requestActor();
  if (!actor) redirect("/login");
  return actor;
}

/** For pages: a NOT_FOUND from the policy-checked read becomes Next's 404 page; anything else stays an error. */
export function orNotFound<T>(read: Promise<T>): Promise<T> {
  return read.catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
}
