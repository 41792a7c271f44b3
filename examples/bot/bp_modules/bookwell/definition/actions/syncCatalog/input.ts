/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const input = {
  schema: z
    .object({
      slotsOnly: z.optional(z.boolean().title("Slots only")),
    })
    .catchall(z.never()),
};
