/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const output = {
  schema: z
    .object({
      outcome: z
        .enum(["listed", "no_identity", "not_allowed"])
        .describe(
          "no_identity: the channel gives no number; not_allowed: the phone is not the one the channel gives",
        ),
      bookings: z.array(
        z
          .object({
            id: z.string().title("Booking id"),
            status: z
              .enum(["pending", "confirmed", "failed", "cancelled"])
              .title("Status"),
            location: z.string().title("Location"),
            items: z
              .array(
                z
                  .object({
                    service: z.string(),
                    staff: z.string(),
                    start: z.string().describe("ISO 8601 instant"),
                    end: z.string().describe("ISO 8601 instant"),
                  })
                  .catchall(z.never()),
              )
              .title("Items"),
            total: z
              .union([z.number(), z.null()])
              .metadata({ def: { typeName: "ZodNullable" } }),
            currency: z
              .union([z.string(), z.null()])
              .metadata({ def: { typeName: "ZodNullable" } }),
            paymentLink: z
              .union([z.string(), z.null()])
              .metadata({ def: { typeName: "ZodNullable" } }),
            providerOrderId: z
              .union([z.string(), z.null()])
              .metadata({ def: { typeName: "ZodNullable" } }),
          })
          .catchall(z.never()),
      ),
    })
    .catchall(z.never()),
};
