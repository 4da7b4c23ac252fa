import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pageActor } from "@/lib/auth/page";
import { getDateFormat } from "@/lib/i18n/server";
import { roomsOf } from "@/lib/live/room";
import { AppHeader } from "@/components/layout/AppHeader";

export const dynamic = "force-dynamic";

/** A display-only account's start page: the room displays it may open (straight into the only one). */
export default async function RoomsPage() {
  const actor = await pageActor();
  if (actor.role !== "DISPLAY") redirect("/meetings");
  const rooms = await roomsOf(actor);
  if (rooms.length === 1) redirect(`/room/${rooms[0].id}`);
  const t = await getTranslations("live");
  const dates = await getDateFormat();
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-4xl space-y-4 p-4">
        <h1 className="text-2xl font-semibold">{t("roomsTitle")}</h1>
        {rooms.length === 0 ? (
          <p className="text-slate-700" data-testid="rooms-none">{t("roomsNone")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {rooms.map((m) => (
              <li key={m.id}>
                <Link href={`/room/${m.id}`} className="flex min-h-11 flex-wrap items-baseline gap-x-3 p-4 hover:bg-slate-50" data-testid="room-link">
                  <span className="font-semibold text-brand-700">{m.title}</span>
                  <span className="text-sm text-slate-600">{dates.dateTime(m.startsAt)}{m.location ? ` · ${m.location}` : ""}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
