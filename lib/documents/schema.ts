// Briefing paper payloads and answers (HTTP bodies, multipart text fields and OpenAPI share them).
import { z } from "zod";
import { msg } from "../errors/index.ts";
import { dateTimeJson, id } from "../http/fields.ts";

export const confidentiality = z.enum(["NORMAL", "CONFIDENTIAL", "SECRET"]);

/** The text fields of an upload (multipart); the file itself is checked by inspectPdf. */
export const uploadFieldsSchema = z.object({
  // NFC: names from iPadOS/macOS file pickers arrive decomposed; stored titles must compare and search like typed ones.
  title: z.string().normalize("NFC").trim().min(1).max(300),
  agendaItemId: id.nullable().optional(),
  confidentiality: confidentiality.optional(),
});

export const updateDocumentSchema = z
  .object({
    title: uploadFieldsSchema.shape.title,
    confidentiality,
    agendaItemId: id.nullable(),
    restricted: z.boolean(),
    allowedUserIds: z.array(id).max(500),
    baseVersion: z.number().int().positive(),
  })
  .partial()
  .refine((v) => Object.keys(v).some((k) => k !== "baseVersion"), msg("field.nothingToChange"));
export type UpdateDocument = z.infer<typeof updateDocumentSchema>;

export const deleteDocumentSchema = z.object({ baseVersion: z.number().int().positive().optional() });
export const fileQuerySchema = z.object({ version: z.coerce.number().int().positive().optional() });
/** Which pages of `version` are new since `since` (an earlier version, or the same one: nothing changed). */
export const changesQuerySchema = z.object({ version: z.coerce.number().int().positive(), since: z.coerce.number().int().positive() });
export const changesJson = z.object({ version: z.number().int(), since: z.number().int(), pageCount: z.number().int(), changedPages: z.array(z.number().int()) });

// Answers (the JSON the API sends).
export const documentVersionJson = z.object({
  id: z.string(),
  number: z.number().int(),
  pageCount: z.number().int(),
  size: z.number().int(),
  fileName: z.string(),
  createdAt: dateTimeJson,
});

export const documentJson = z.object({
  id: z.string(),
  meetingId: z.string(),
  agendaItemId: z.string().nullable(),
  title: z.string(),
  confidentiality,
  restricted: z.boolean(),
  changedAtVersion: z.number().int(),
});
export const documentUploadedJson = z.object({ document: documentJson, version: documentVersionJson, pageCount: z.number().int(), meetingVersion: z.number().int() });
export const documentVersionAddedJson = z.object({ version: documentVersionJson, pageCount: z.number().int(), meetingVersion: z.number().int() });
export const documentChangeJson = z.object({ document: documentJson, meetingVersion: z.number().int() });
export const documentDeletedJson = z.object({ id: z.string(), meetingVersion: z.number().int() });
