/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const bookingConfirmed = {
  schema: z
    .object({
      businessId: z.string(),
      bookingId: z.string(),
      conversationId: z
        .union([z.string(), z.null()])
        .metadata({ def: { typeName: "ZodNullable" } }),
      providerOrderId: z.string(),
      paymentLink: z.string(),
      rescheduledFromId: z
        .union([z.string(), z.null()])
        .metadata({ def: { typeName: "ZodNullable" } }),
    })
    .catchall(z.never())
    .title("Booking confirmed")
    .describe("A provider order was created and its payment link sent."),
};
