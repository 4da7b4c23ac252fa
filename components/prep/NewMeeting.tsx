"use client";
import { useRouter } from "next/navigation";
import { MeetingForm } from "./MeetingForm";
import { useUsers } from "./useUsers";

const nextWeekAt = (hour: number) => {
  const d = new Date();
  d.setDate(d.getDate() + 7);
  d.setHours(hour, 0, 0, 0);
  return d.toISOString();
};

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
