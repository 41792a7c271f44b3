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
    })
    .catchall(z.never()),
};
