import { orNotFound, pageActor } from "@/lib/auth/page";
import { readerView } from "@/lib/reading/queries";
import { PaperReader } from "@/components/reader/PaperReader";
import { MeetingAccessGate } from "@/components/meetings/MeetingAccessGate";
import { SessionWatch } from "@/components/layout/SessionWatch";

export const dynamic = "force-dynamic";

export default async function PaperPage({ params, searchParams }: {
  params: Promise<{ meetingId: string; documentId: string }>;
  searchParams: Promise<{ page?: string | string[]; version?: string | string[] }>;
}) {
  const actor = await pageActor();
  const { meetingId, documentId } = await params;
  const view = await orNotFound(readerView(actor, meetingId, documentId));
  // "My notes" links to a note's page: ?page=N opens there instead of where the reader left off.
  const query = await searchParams;
  const asked = Number(query.page);
  // ?version=N opens an earlier version (a note that could not be carried over stays there); unknown ones: the latest.
  const version = Number(query.version);
  return (
    <main id="main">
      <SessionWatch />
      <MeetingAccessGate meetingId={meetingId}>
        <PaperReader view={view} readerName={actor.name} startPage={Number.isInteger(asked) && asked > 0 ? asked : undefined}
          version={Number.isInteger(version) && version > 0 ? version : undefined} />
      </MeetingAccessGate>
    </main>
  );
}
