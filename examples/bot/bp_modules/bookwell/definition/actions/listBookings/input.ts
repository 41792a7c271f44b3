/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const input = {
  schema: z
    .object({
      phone: z.optional(
        z
          .string()
          .title("Phone")
          .describe(
            "E.164. Without a conversation (back office): whose bookings. With one, it must be the number the channel gives.",
          ),
      ),
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
