"use client";
import { useRouter } from "next/navigation";
import { MeetingForm } from "./MeetingForm";
import { useUsers } from "./useUsers";
import { fromWallTime, wallTime } from "@/lib/i18n/dates";

/** A week from today at this hour, Hanoi time (whatever zone the tablet is set to). */
const nextWeekAt = (hour: number) => fromWallTime({ ...wallTime(new Date(Date.now() + 7 * 86_400_000)), hour, minute: 0 }).toISOString();

export function NewMeeting() {
  const router = useRouter();
  const users = useUsers(true);
  return (
    <MeetingForm
      users={users}
      initial={{ title: "", kind: "REGULAR", startsAt: nextWeekAt(8), endsAt: nextWeekAt(11), location: "", chairId: null, approverId: null }}
      onSaved={(m) => router.push(`/meetings/${m.id}`)}
    />
  );
}
