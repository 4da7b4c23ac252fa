import { orNotFound, pageActor } from "@/lib/auth/page";
import { getMeetingSnapshot } from "@/lib/meetings/queries";
import { AppHeader } from "@/components/layout/AppHeader";
import { MeetingView } from "@/components/meetings/MeetingView";

export const dynamic = "force-dynamic";

export default async function MeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const actor = await pageActor();
  const { meetingId } = await params;
  const snapshot = await orNotFound(getMeetingSnapshot(actor, meetingId));
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-6xl p-4">
        <MeetingView initial={JSON.parse(JSON.stringify(snapshot))} />
      </main>
    </>
  );
}
