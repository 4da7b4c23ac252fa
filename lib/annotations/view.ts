// Stored annotation rows as the API answers them.
import type { AnnotationJson, StoredGeometry } from "./schema.ts";

export interface AnnotationRow {
  id: string;
  clientId: string;
  page: number;
  kind: "HIGHLIGHT" | "INK" | "NOTE";
  geometry: unknown;
  text: string;
  visibility: "PRIVATE" | "MEETING";
  updatedAt: Date;
  author: { id: string; name: string };
  documentVersion: { number: number; documentId: string };
}

export const annotationRowSelect = {
  id: true, clientId: true, page: true, kind: true, geometry: true, text: true, visibility: true, updatedAt: true,
  author: { select: { id: true, name: true } },
  documentVersion: { select: { number: true, documentId: true } },
} as const;

export function annotationView(row: AnnotationRow): AnnotationJson {
  const g = row.geometry as StoredGeometry;
  return {
    id: row.id, clientId: row.clientId, documentId: row.documentVersion.documentId, version: row.documentVersion.number,
    page: row.page, kind: row.kind, bounds: g.bounds, editor: g.editor, text: row.text, anchor: g.anchor ?? null,
    visibility: row.visibility, author: row.author, updatedAt: row.updatedAt.toISOString(),
  };
}
