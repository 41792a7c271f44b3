/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const ownerNotification = {
  schema: z
    .object({
      businessId: z.string(),
      kind: z.enum([
        "booking",
        "cancellation",
        "reschedule",
        "handoff",
        "schedule",
      ]),
      key: z
        .string()
        .describe(
          "What it is about, e.g. booking:<id> or schedule:<location>:<date>; each key is notified once",
        ),
      text: z.string().describe("The message as the owner numbers get it"),
      numbers: z
        .array(z.string())
        .describe("The owner numbers it is sent to (owners.numbers)"),
      bookingId: z
        .union([z.string(), z.null()])
        .metadata({ def: { typeName: "ZodNullable" } }),
      locationId: z
        .union([z.string(), z.null()])
        .metadata({ def: { typeName: "ZodNullable" } }),
      date: z
        .union([
          z.string().describe("A morning schedule\'s local date"),
          z.null(),
        ])
        .metadata({ def: { typeName: "ZodNullable" } }),
    })
    .catchall(z.never())
    .title("Owner notification")
    .describe(
      "A new booking, cancellation, reschedule, handoff request or branch morning schedule, as sent to the owner numbers (once each).",
    ),
};
