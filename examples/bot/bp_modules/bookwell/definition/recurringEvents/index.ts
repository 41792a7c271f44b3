/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as syncTick from "./syncTick";
export * as syncTick from "./syncTick";

export const recurringEvents = {
  "syncTick": syncTick.syncTick,
}
