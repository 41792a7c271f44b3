/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const output = {
  schema: z
    .object({
      outcome: z.enum([
        "rescheduled",
        "slot_taken",
        "not_found",
        "provider_down",
        "no_identity",
        "outcome_unknown",
      ]),
      booking: z
        .union([
          z
            .object({
              id: z.string(),
              status: z.enum(["pending", "confirmed", "failed", "cancelled"]),
              location: z.string(),
              items: z.array(
                z
                  .object({
                    service: z.string(),
                    staff: z.string(),
                    start: z.string().describe("ISO 8601 instant"),
                    end: z.string().describe("ISO 8601 instant"),
                  })
                  .catchall(z.never()),
              ),
              total: z.union([z.number(), z.null()]),
              currency: z.union([z.string(), z.null()]),
              paymentLink: z.union([z.string(), z.null()]),
              providerOrderId: z.union([z.string(), z.null()]),
            })
            .catchall(z.never()),
          z.null(),
        ])
        .metadata({ def: { typeName: "ZodNullable" } }),
      alternatives: z.array(z.string().describe("ISO 8601 instant")),
    })
    .catchall(z.never()),
};
