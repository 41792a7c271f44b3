/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const reminderDue = {
  schema: z
    .object({
      businessId: z.string(),
      businessName: z.string(),
      bookingId: z.string(),
      conversationId: z
        .union([
          z
            .string()
            .describe(
              "Botpress conversation the reminder text went to; null when the booking has no chat",
            ),
          z.null(),
        ])
        .metadata({ def: { typeName: "ZodNullable" } }),
      customerPhone: z
        .union([z.string().describe("E.164"), z.null()])
        .metadata({ def: { typeName: "ZodNullable" } }),
      customerName: z
        .union([z.string(), z.null()])
        .metadata({ def: { typeName: "ZodNullable" } }),
      language: z.enum(["en", "ar", "es"]),
      hoursBefore: z.number(),
      start: z.string().describe("ISO 8601 instant"),
      when: z
        .string()
        .describe("Date and time at the branch, in the customer\'s language"),
      location: z.string(),
      services: z.array(
        z
          .object({
            service: z.string(),
            staff: z.string(),
            start: z.string().describe("ISO 8601 instant"),
          })
          .catchall(z.never()),
      ),
      text: z
        .string()
        .describe("The reminder as sent on the chat (reminder template)"),
    })
    .catchall(z.never())
    .title("Reminder due")
    .describe(
      "A booking reminder went out (once per booking and offset). On the official WhatsApp integration, outside the 24-hour window, send an approved template from these fields.",
    ),
};
