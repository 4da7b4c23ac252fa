import { orNotFound, pageActor } from "@/lib/auth/page";
import { readMeetingEntry } from "@/lib/meetings/queries";
import { AppHeader } from "@/components/layout/AppHeader";
import { MeetingLoader } from "@/components/meetings/MeetingLoader";
import { MeetingAccessGate } from "@/components/meetings/MeetingAccessGate";
import { MeetingLoading } from "@/components/meetings/MeetingLoading";
import { BrowserOnly } from "@/components/ui/BrowserOnly";

export const dynamic = "force-dynamic";

export default async function MeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const actor = await pageActor();
  const { meetingId } = await params;
  // The policy decides on every request (a meeting one may not see is a 404); the snapshot itself the live view
  // fetches from the snapshot API (components/meetings/MeetingLoader.tsx says why).
  const { title, lastSeenVersion } = await orNotFound(readMeetingEntry(actor, meetingId));
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-6xl p-4">
        <MeetingAccessGate meetingId={meetingId}>
          {/* The live view renders in the browser only (components/ui/BrowserOnly.tsx says why). */}
          <BrowserOnly fallback={<MeetingLoading title={title} />}>
            <MeetingLoader meetingId={meetingId} title={title} lastSeenVersion={lastSeenVersion} />
          </BrowserOnly>
        </MeetingAccessGate>
      </main>
    </>
  );
}
