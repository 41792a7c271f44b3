/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const bookingCancelled = {
  schema: z
    .object({
      businessId: z.string(),
      bookingId: z.string(),
      conversationId: z
        .union([z.string(), z.null()])
        .metadata({ def: { typeName: "ZodNullable" } }),
      providerOrderId: z
        .union([z.string(), z.null()])
        .metadata({ def: { typeName: "ZodNullable" } }),
    })
    .catchall(z.never())
    .title("Booking cancelled")
    .describe("A booking was cancelled at the provider."),
};
