import { redirect } from "next/navigation";
import { orNotFound, pageActor } from "@/lib/auth/page";
import { readMeetingSnapshot } from "@/lib/meetings/queries";
import { AppHeader } from "@/components/layout/AppHeader";
import { MeetingAccessGate } from "@/components/meetings/MeetingAccessGate";
import { ChairConsole } from "@/components/chair/ChairConsole";

export const dynamic = "force-dynamic";

/** The chair's console; whoever may not run this meeting (now) is sent to the meeting page. */
export default async function ChairPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const actor = await pageActor();
  const { meetingId } = await params;
  const { snapshot } = await orNotFound(readMeetingSnapshot(actor, meetingId));
  if (!snapshot!.permissions.run) redirect(`/meetings/${meetingId}`);
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-7xl p-4">
        <MeetingAccessGate meetingId={meetingId}>
          <ChairConsole initial={snapshot!} />
        </MeetingAccessGate>
      </main>
    </>
  );
}
