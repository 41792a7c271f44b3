/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as bookwellBookingConfirmed from "./bookwell-bookingConfirmed";
export * as bookwellBookingConfirmed from "./bookwell-bookingConfirmed";
import * as bookwellBookingCancelled from "./bookwell-bookingCancelled";
export * as bookwellBookingCancelled from "./bookwell-bookingCancelled";
import * as bookwellHandoffRequested from "./bookwell-handoffRequested";
export * as bookwellHandoffRequested from "./bookwell-handoffRequested";
import * as bookwellSyncFailed from "./bookwell-syncFailed";
export * as bookwellSyncFailed from "./bookwell-syncFailed";
import * as bookwellReminderDue from "./bookwell-reminderDue";
export * as bookwellReminderDue from "./bookwell-reminderDue";
import * as bookwellReminderTick from "./bookwell-reminderTick";
export * as bookwellReminderTick from "./bookwell-reminderTick";
import * as bookwellOwnerNotification from "./bookwell-ownerNotification";
export * as bookwellOwnerNotification from "./bookwell-ownerNotification";
import * as bookwellSyncTick from "./bookwell-syncTick";
export * as bookwellSyncTick from "./bookwell-syncTick";

export type Events = {
  "bookwell#bookingConfirmed": bookwellBookingConfirmed.BookwellBookingConfirmed;
  "bookwell#bookingCancelled": bookwellBookingCancelled.BookwellBookingCancelled;
  "bookwell#handoffRequested": bookwellHandoffRequested.BookwellHandoffRequested;
  "bookwell#syncFailed": bookwellSyncFailed.BookwellSyncFailed;
  "bookwell#reminderDue": bookwellReminderDue.BookwellReminderDue;
  "bookwell#reminderTick": bookwellReminderTick.BookwellReminderTick;
  "bookwell#ownerNotification": bookwellOwnerNotification.BookwellOwnerNotification;
  "bookwell#syncTick": bookwellSyncTick.BookwellSyncTick;
}
