/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as nightlyFullSync from "./nightlyFullSync";
export * as nightlyFullSync from "./nightlyFullSync";
import * as slotRefresh from "./slotRefresh";
export * as slotRefresh from "./slotRefresh";

export const recurringEvents = {
  "nightlyFullSync": nightlyFullSync.nightlyFullSync,
  "slotRefresh": slotRefresh.slotRefresh,
}
