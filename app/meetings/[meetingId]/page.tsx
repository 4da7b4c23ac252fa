import { orNotFound, pageActor } from "@/lib/auth/page";
import { readMeetingSnapshot } from "@/lib/meetings/queries";
import { AppHeader } from "@/components/layout/AppHeader";
import { MeetingView } from "@/components/meetings/MeetingView";
import { MeetingAccessGate } from "@/components/meetings/MeetingAccessGate";

export const dynamic = "force-dynamic";

export default async function MeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const actor = await pageActor();
  const { meetingId } = await params;
  // One read gives the snapshot and what this participant had seen (no second query).
  const { snapshot, lastSeenVersion: seen } = await orNotFound(readMeetingSnapshot(actor, meetingId));
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-6xl p-4">
        <MeetingAccessGate meetingId={meetingId}>
          <MeetingView initial={snapshot!} lastSeenVersion={seen} />
        </MeetingAccessGate>
      </main>
    </>
  );
}
