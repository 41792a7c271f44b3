/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const syncTick = {
  schema: z
    .object({})
    .catchall(z.never())
    .title("Sync tick")
    .describe(
      "Every few minutes: runs the full sync, the slot refresh and the booking reconciler when the configured schedule (sync.fullSyncCron, sync.slotRefreshMinutes, booking.reconcileMinutes) says they are due.",
    ),
};
