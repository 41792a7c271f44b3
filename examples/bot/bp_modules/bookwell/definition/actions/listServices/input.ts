/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const input = {
  schema: z
    .object({
      locationId: z.optional(z.string().title("Location id")),
    })
    .catchall(z.never()),
};
