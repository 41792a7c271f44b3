/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type OwnerNotification = {
  businessId: string;
  kind: "booking" | "cancellation" | "reschedule" | "handoff" | "schedule";
  /** What it is about, e.g. booking:<id> or schedule:<location>:<date>; each key is notified once */
  key: string;
  /** The message as the owner numbers get it */
  text: string;
  /** The owner numbers it is sent to (owners.numbers) */
  numbers: string[];
  bookingId: string | null;
  locationId: string | null;
  /** A morning schedule's local date */
  date: string | null;
};
