/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const input = {
  schema: z
    .object({
      bookingId: z.string(),
      start: z.string().title("New start").describe("ISO 8601 instant"),
      staffId: z.optional(z.string()),
      conversationId: z.optional(
        z
          .string()
          .title("Conversation id")
          .describe(
            "Pass it whenever the action answers a customer in a conversation. no_identity: the channel there gives no number.",
          ),
      ),
    })
    .catchall(z.never()),
};
