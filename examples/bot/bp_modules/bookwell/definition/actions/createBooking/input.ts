/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const input = {
  schema: z
    .object({
      idempotencyKey: z
        .string()
        .min(8, undefined)
        .title("Idempotency key")
        .describe("Same key, same order: safe to retry."),
      locationId: z.string().title("Location id"),
      items: z
        .array(
          z
            .object({
              serviceId: z.string(),
              staffId: z.string(),
              start: z.string().describe("ISO 8601 instant"),
            })
            .catchall(z.never()),
        )
        .min(1, undefined)
        .title("Items"),
      customer: z
        .object({
          name: z.string().title("Name"),
          phone: z.string().title("Phone").describe("E.164"),
          email: z.optional(z.string().title("Email")),
        })
        .catchall(z.never()),
      conversationId: z.optional(z.string()),
    })
    .catchall(z.never()),
};
