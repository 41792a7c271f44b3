/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const input = {
  schema: z
    .object({
      locationId: z.string().title("Location id"),
      serviceId: z.string().title("Service id"),
      staffId: z.optional(
        z.string().title("Staff id").describe("Omit for anyone"),
      ),
      from: z.optional(z.string().title("From").describe("ISO 8601 instant")),
      limit: z.optional(
        z
          .number()
          .int(undefined)
          .min(1, undefined)
          .max(20, undefined)
          .title("How many"),
      ),
    })
    .catchall(z.never()),
};
