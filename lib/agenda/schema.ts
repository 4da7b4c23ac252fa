// Agenda API / action payloads and answers. The same schemas validate HTTP bodies and generate the OpenAPI document.
import { z } from "zod";
import { msg } from "../errors/index.ts";
import { baseVersion, id } from "../http/fields.ts";
import { LOCALES } from "../i18n/config.ts";

export const agendaItemStatus = z.enum(["PENDING", "IN_DISCUSSION", "DONE", "DEFERRED"]);

const title = z.string().trim().min(1).max(300);
const description = z.string().max(5000);
const plannedMinutes = z.number().int().min(0).max(24 * 60);
const presenterId = id.nullable();

export const createAgendaItemSchema = z.object({
  title,
  description: description.optional(),
  parentId: id.nullable().optional(),
  position: z.number().int().min(0).optional(),
  presenterId: presenterId.optional(),
  plannedMinutes: plannedMinutes.optional(),
  baseVersion,
});

export const updateAgendaItemSchema = z
  .object({ title, description, presenterId, plannedMinutes, status: agendaItemStatus, baseVersion })
  .partial()
  .refine((v) => Object.keys(v).some((k) => k !== "baseVersion"), msg("field.nothingToChange"));

export const moveAgendaItemSchema = z.object({
  parentId: id.nullable(),
  position: z.number().int().min(0),
  baseVersion,
});

export const deleteAgendaItemSchema = z.object({ baseVersion });

export type CreateAgendaItem = z.infer<typeof createAgendaItemSchema>;
export type UpdateAgendaItem = z.infer<typeof updateAgendaItemSchema>;
export type MoveAgendaItem = z.infer<typeof moveAgendaItemSchema>;

// Answers (the JSON the API sends).
export const agendaItemJson = z.object({
  id: z.string(),
  meetingId: z.string(),
  parentId: z.string().nullable(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  presenterId: z.string().nullable(),
  plannedMinutes: z.number().int(),
  status: agendaItemStatus,
  changedAtVersion: z.number().int(),
});
export const agendaItemChangeJson = z.object({ item: agendaItemJson, version: z.number().int() });
export const agendaItemDeletedJson = z.object({ id: z.string(), deleted: z.array(z.string()).describe("The item and its sub-items"), version: z.number().int() });

/** ?locale=vi|en for the printed agenda (default: the reader's language). */
export const agendaPdfQuerySchema = z.object({ locale: z.enum(LOCALES).optional() });
