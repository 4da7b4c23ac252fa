import { getTranslations } from "next-intl/server";
import { displayMeeting } from "@/lib/live/display";
import { readRoomSnapshot } from "@/lib/meetings/snapshot";
import { RoomDisplay } from "@/components/live/RoomDisplay";

export const dynamic = "force-dynamic";

/** The meeting room's big screen (1920×1080): read-only, following the meeting on its own, opened with a display token. */
export default async function DisplayPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const meetingId = await displayMeeting(token);
  if (!meetingId) {
    const t = await getTranslations("live");
    return <main className="flex min-h-screen items-center justify-center p-8 text-3xl text-slate-700" data-testid="display-invalid">{t("displayInvalid")}</main>;
  }
  return <RoomDisplay initial={readRoomSnapshot(meetingId)} source={{ token }} />;
}
