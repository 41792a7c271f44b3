/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as syncTick from "./syncTick";
export * as syncTick from "./syncTick";
import * as reminderTick from "./reminderTick";
export * as reminderTick from "./reminderTick";

export const recurringEvents = {
  "syncTick": syncTick.syncTick,
  "reminderTick": reminderTick.reminderTick,
}
