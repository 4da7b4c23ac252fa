"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { clockText, speechMs } from "@/lib/live/clock";
import type { SpeakerRow } from "@/lib/live/schema";

/** Who asked to speak, and beside a deputy's name the member whose seat they speak for ("thay …" / "for …"). */
export function SpeakerName({ row }: { row: Pick<SpeakerRow, "user" | "onBehalfOf"> }) {
  const t = useTranslations("live");
  return (
    <>
      {row.user.name}
      {row.onBehalfOf && <>{" "}<span className="ml-1 font-normal text-slate-600" data-testid="speaks-for">{t("speaksFor", { name: row.onBehalfOf.name })}</span></>}
    </>
  );
}

/** Who has the floor (with the speaking time against the limit) and the queue, in speaking order. */
export function SpeakerList({ speaking, queue, limitSeconds, now, controls, large = false }: {
  speaking: SpeakerRow | null;
  queue: SpeakerRow[];
  limitSeconds: number | null;
  now: number;
  /** The chair's buttons for a waiting request. */
  controls?: (r: SpeakerRow, index: number) => ReactNode;
  large?: boolean;
}) {
  const t = useTranslations("live");
  const spoken = speaking ? speechMs(speaking, now) : 0;
  const over = speaking && limitSeconds ? spoken > limitSeconds * 1000 : false;
  return (
    <div className="space-y-2">
      <div data-testid="speaking" className={`rounded-lg border p-3 ${speaking ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}>
        <p className={`${large ? "text-xl" : "text-sm"} font-medium text-slate-600`}>{t("speakingNow")}</p>
        {speaking ? (
          <p className={`flex flex-wrap items-baseline gap-x-3 ${large ? "text-3xl" : "text-lg"}`}>
            <span className="font-semibold" data-testid="speaker-name"><SpeakerName row={speaking} /></span>
            {speaking.kind === "POINT_OF_ORDER" && <span className="rounded bg-amber-200 px-1.5 text-sm font-semibold text-amber-950">{t("pointOfOrder")}</span>}
            <span suppressHydrationWarning data-testid="speech-clock" className={`font-mono tabular-nums ${over ? "font-bold text-red-700" : ""}`}>
              {clockText(spoken)}{limitSeconds ? ` / ${clockText(limitSeconds * 1000)}` : ""}
            </span>
          </p>
        ) : (
          <p className="text-slate-600">{t("nobodySpeaking")}</p>
        )}
      </div>
      <div>
        <p className={`${large ? "text-xl" : "text-sm"} font-medium text-slate-600`}>{t("queue", { count: queue.length })}</p>
        {queue.length === 0 ? (
          <p className="text-slate-600">{t("queueEmpty")}</p>
        ) : (
          <ol className="divide-y divide-slate-100" data-testid="speaker-queue">
            {queue.map((r, i) => (
              <li key={r.id} data-testid="queued" data-user-id={r.user.id} className={`flex min-h-11 flex-wrap items-center gap-2 py-1 ${large ? "text-2xl" : ""}`}>
                <span className="w-7 shrink-0 text-right font-semibold text-brand-700">{i + 1}.</span>
                {/* At least 10rem for the name: the chair's buttons wrap below it rather than squeeze it. */}
                <span className="min-w-0 flex-1 basis-40"><SpeakerName row={r} /></span>
                {r.kind === "POINT_OF_ORDER" && <span className="rounded bg-amber-200 px-1.5 text-sm font-semibold text-amber-950">{t("pointOfOrder")}</span>}
                {controls?.(r, i)}
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
