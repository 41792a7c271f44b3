/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const syncFailed = {
  schema: z
    .object({
      kind: z.string(),
      status: z.string(),
      errors: z.array(
        z
          .object({
            scope: z.string(),
            message: z.string(),
          })
          .catchall(z.never()),
      ),
    })
    .catchall(z.never())
    .title("Sync failed")
    .describe("A catalog sync ended with errors."),
};
