import { z } from "zod";

export const confidentiality = z.enum(["NORMAL", "CONFIDENTIAL", "SECRET"]);

/** The text fields of an upload (multipart); the file itself is checked by inspectPdf. */
export const uploadFieldsSchema = z.object({
  // NFC: names from iPadOS/macOS file pickers arrive decomposed; stored titles must compare and search like typed ones.
  title: z.string().normalize("NFC").trim().min(1, "Title is required").max(300, "Title is at most 300 characters"),
  agendaItemId: z.string().min(1).nullable().optional(),
  confidentiality: confidentiality.optional(),
});

export const updateDocumentSchema = z
  .object({
    title: uploadFieldsSchema.shape.title,
    confidentiality,
    agendaItemId: z.string().min(1).nullable(),
    restricted: z.boolean(),
    allowedUserIds: z.array(z.string().min(1)).max(500),
    baseVersion: z.number().int().positive(),
  })
  .partial()
  .refine((v) => Object.keys(v).some((k) => k !== "baseVersion"), "Nothing to change");
export type UpdateDocument = z.infer<typeof updateDocumentSchema>;

export const deleteDocumentSchema = z.object({ baseVersion: z.number().int().positive().optional() });
export const fileQuerySchema = z.object({ version: z.coerce.number().int().positive().optional() });
