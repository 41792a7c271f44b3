/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const slotRefreshDue = {
  schema: z
    .object({})
    .catchall(z.never())
    .title("Slot refresh due")
    .describe("Slot refresh schedule tick."),
};
