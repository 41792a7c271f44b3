/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const output = {
  schema: z
    .object({
      starts: z.array(
        z
          .object({
            start: z.string().describe("ISO 8601 instant"),
            staffId: z.string(),
          })
          .catchall(z.never()),
      ),
    })
    .catchall(z.never()),
};
