"use client";
import type { DocumentSummary } from "@/lib/meetings/queries";
import type { Jsonified } from "@/lib/http/json";
import { DocumentList } from "./DocumentList";

/** Papers of one agenda item (or of the meeting): the list, and for the secretariat upload and management. */
export function ItemDocuments({ documents, changed }: {
  meetingId: string; agendaItemId: string | null; documents: Jsonified<DocumentSummary>[]; editable: boolean;
  participants: { user: { id: string; name: string } }[]; changed: Set<string>; onChanged: () => void;
}) {
  return documents.length > 0 ? <DocumentList documents={documents} changed={changed} /> : null;
}
