"use client";
import type { DocumentSummary } from "@/lib/meetings/queries";
import type { Jsonified } from "@/lib/http/json";
import { DocumentUploader } from "@/components/documents/DocumentUploader";
import { DocumentList } from "./DocumentList";

/** Papers of one agenda item (or of the meeting): the list, and for the secretariat upload and management. */
export function ItemDocuments({ meetingId, agendaItemId, documents, editable, participants, changed, onChanged }: {
  meetingId: string; agendaItemId: string | null; documents: Jsonified<DocumentSummary>[]; editable: boolean;
  participants: { user: { id: string; name: string } }[]; changed: Set<string>; onChanged: () => void;
}) {
  return (
    <>
      {documents.length > 0 && <DocumentList documents={documents} changed={changed} manage={editable ? { participants, onChanged } : undefined} />}
      {editable && <DocumentUploader meetingId={meetingId} agendaItemId={agendaItemId} onDone={onChanged} />}
    </>
  );
}
