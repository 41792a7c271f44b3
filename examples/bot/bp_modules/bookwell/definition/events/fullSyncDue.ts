/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const fullSyncDue = {
  schema: z
    .object({})
    .catchall(z.never())
    .title("Full sync due")
    .describe("Nightly schedule tick."),
};
