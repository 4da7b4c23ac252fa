import { orNotFound, pageActor } from "@/lib/auth/page";
import { readMeetingSnapshot } from "@/lib/meetings/queries";
import { AppHeader } from "@/components/layout/AppHeader";
import { MeetingView } from "@/components/meetings/MeetingView";
import { MeetingAccessGate } from "@/components/meetings/MeetingAccessGate";
import { MeetingLoading } from "@/components/meetings/MeetingLoading";
import { BrowserOnly } from "@/components/ui/BrowserOnly";

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
          {/* The live view renders in the browser only (components/ui/BrowserOnly.tsx says why). The snapshot travels
              as its JSON text, as the snapshot API sends it: one native stringify instead of React walking every
              field into the page's payload and the server parsing it back for a render that does not use it. */}
          <BrowserOnly fallback={<MeetingLoading title={snapshot!.meeting.title} />}>
            <MeetingView initialJson={JSON.stringify(snapshot)} lastSeenVersion={seen} />
          </BrowserOnly>
        </MeetingAccessGate>
      </main>
    </>
  );
}
