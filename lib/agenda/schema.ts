// Agenda API / action payloads. The same schemas validate HTTP bodies and generate the OpenAPI document.
import { z } from "zod";

export const baseVersion = z
  .number()
  .int()
  .positive()
  .optional()
  .describe("The meeting version this change is based on; a stale one gets 409 with the fresh state.");

const title = z.string().trim().min(1, "Title is required").max(300, "Title is at most 300 characters");
const description = z.string().max(5000, "Description is at most 5000 characters");
const plannedMinutes = z.number().int().min(0, "Minutes cannot be negative").max(24 * 60, "At most 1440 minutes");
const presenterId = z.string().min(1).nullable();

export const createAgendaItemSchema = z.object({
  title,
  description: description.optional(),
  parentId: z.string().min(1).nullable().optional(),
  position: z.number().int().min(0).optional(),
  presenterId: presenterId.optional(),
  plannedMinutes: plannedMinutes.optional(),
  baseVersion,
});

export const updateAgendaItemSchema = z
  .object({ title, description, presenterId, plannedMinutes, status: z.enum(["PENDING", "IN_DISCUSSION", "DONE", "DEFERRED"]), baseVersion })
  .partial()
  .refine((v) => Object.keys(v).some((k) => k !== "baseVersion"), "Nothing to change");

export const moveAgendaItemSchema = z.object({
  parentId: z.string().min(1).nullable(),
  position: z.number().int().min(0),
  baseVersion,
});

export const deleteAgendaItemSchema = z.object({ baseVersion });

export type CreateAgendaItem = z.infer<typeof createAgendaItemSchema>;
export type UpdateAgendaItem = z.infer<typeof updateAgendaItemSchema>;
export type MoveAgendaItem = z.infer<typeof moveAgendaItemSchema>;
