/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const output = {
  schema: z
    .object({
      status: z.string(),
      locations: z.number(),
      services: z.number(),
      staff: z.number(),
      slots: z.number(),
      rowsWritten: z.number(),
      providerCalls: z.number(),
      durationMs: z.number(),
    })
    .catchall(z.never()),
};
