import { z } from "zod";
import { dateTimeJson, id } from "../http/fields.ts";

export const markReadSchema = z.object({
  ids: z.array(id).max(500).optional().describe("Omit to mark all read"),
  meetingId: id.optional().describe("Only those about this meeting (opening a meeting reads its invitation)"),
});
export type MarkRead = z.infer<typeof markReadSchema>;

export const notificationListJson = z.object({
  unread: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      subject: z.string(),
      meetingId: z.string().nullable(),
      meetingTitle: z.string().nullable(),
      createdAt: dateTimeJson,
      readAt: dateTimeJson.nullable(),
      data: z.unknown(),
    }),
  ),
});
export const markedReadJson = z.object({ marked: z.number().int() });
