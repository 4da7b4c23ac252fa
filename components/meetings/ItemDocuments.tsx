"use client";
import type { DocumentSummary } from "@/lib/meetings/queries";
import { DocumentUploader } from "@/components/documents/DocumentUploader";
import { DocumentList } from "./DocumentList";

/** Papers of one agenda item (or of the meeting): the list, and for the secretariat upload and management. */
export function ItemDocuments({ meetingId, agendaItemId, documents, editable, participants, changed }: {
  meetingId: string; agendaItemId: string | null; documents: DocumentSummary[]; editable: boolean;
  participants: { user: { id: string; name: string } }[]; changed: Set<string>;
}) {
  return (
    <>
      {documents.length > 0 && <DocumentList documents={documents} changed={changed} manage={editable ? { participants } : undefined} />}
      {editable && <DocumentUploader meetingId={meetingId} agendaItemId={agendaItemId} />}
    </>
  );
}
