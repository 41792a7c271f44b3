/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const handoffRequested = {
  schema: z
    .object({
      businessId: z.string(),
      conversationId: z.string(),
      reason: z.string(),
      summary: z.string(),
      customerPhone: z
        .union([z.string(), z.null()])
        .metadata({ def: { typeName: "ZodNullable" } }),
    })
    .catchall(z.never())
    .title("Handoff requested")
    .describe(
      "The conversation needs a person; the bot stays silent until released.",
    ),
};
