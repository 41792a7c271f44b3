/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const conversation = {
  type: "conversation" as const,
  schema: z
    .object({
      engine: z
        .union([
          z
            .record(z.string(), z.any())
            .describe(
              "Slots filled, pending question, language (see plugin/src/conversation/state.ts)",
            ),
          z.null(),
        ])
        .metadata({ def: { typeName: "ZodNullable" } }),
      lastOutcome: z.optional(
        z
          .union([
            z
              .string()
              .describe(
                "What the last turn did: asked, ready_to_confirm, confirmed, handoff, …",
              ),
            z.null(),
          ])
          .metadata({ def: { typeName: "ZodNullable" } }),
      ),
      lastAsked: z.optional(
        z
          .union([
            z.string().describe("The slot the last reply asked for, if any."),
            z.null(),
          ])
          .metadata({ def: { typeName: "ZodNullable" } }),
      ),
      turn: z.optional(
        z
          .union([
            z
              .object({
                messageId: z.string(),
                replies: z.array(z.string()),
              })
              .catchall(z.never())
              .describe(
                "The message this state answers and its replies: the same message handled again (after a crash) gets these replies again, not a second turn.",
              ),
            z.null(),
          ])
          .metadata({ def: { typeName: "ZodNullable" } }),
      ),
      offer: z.optional(
        z
          .union([
            z
              .record(z.string(), z.any())
              .describe(
                '\"Same as last time\" or \"continue\", offered beside the last reply (see plugin/src/followup).',
              ),
            z.null(),
          ])
          .metadata({ def: { typeName: "ZodNullable" } }),
      ),
    })
    .catchall(z.never())
    .title("Booking conversation"),
};
