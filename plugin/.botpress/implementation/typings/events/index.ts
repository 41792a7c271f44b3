/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as bookingConfirmed from "./bookingConfirmed";
export * as bookingConfirmed from "./bookingConfirmed";
import * as bookingCancelled from "./bookingCancelled";
export * as bookingCancelled from "./bookingCancelled";
import * as handoffRequested from "./handoffRequested";
export * as handoffRequested from "./handoffRequested";
import * as syncFailed from "./syncFailed";
export * as syncFailed from "./syncFailed";
import * as reminderDue from "./reminderDue";
export * as reminderDue from "./reminderDue";
import * as reminderTick from "./reminderTick";
export * as reminderTick from "./reminderTick";
import * as ownerNotification from "./ownerNotification";
export * as ownerNotification from "./ownerNotification";
import * as syncTick from "./syncTick";
export * as syncTick from "./syncTick";

export type Events = {
  "bookingConfirmed": bookingConfirmed.BookingConfirmed;
  "bookingCancelled": bookingCancelled.BookingCancelled;
  "handoffRequested": handoffRequested.HandoffRequested;
  "syncFailed": syncFailed.SyncFailed;
  "reminderDue": reminderDue.ReminderDue;
  "reminderTick": reminderTick.ReminderTick;
  "ownerNotification": ownerNotification.OwnerNotification;
  "syncTick": syncTick.SyncTick;
}
