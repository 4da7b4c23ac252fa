import { notFound } from "next/navigation";
import { pageActor } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { roomSnapshotFor } from "@/lib/live/room";
import { RoomDisplay } from "@/components/live/RoomDisplay";

export const dynamic = "force-dynamic";

/** The room display (1920×1080) for a display-only account assigned to this meeting; anyone else: not found. */
export default async function RoomPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const actor = await pageActor();
  const { meetingId } = await params;
  const snapshot = await roomSnapshotFor(actor, meetingId).catch((e) => {
    if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) notFound();
    throw e;
  });
  return <RoomDisplay initial={snapshot} source={{ meetingId }} />;
}
