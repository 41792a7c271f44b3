/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type ReminderDue = {
  businessId: string;
  businessName: string;
  bookingId: string;
  conversationId:
    | /** Botpress conversation the reminder text went to; null when the booking has no chat */ string
    | null;
  customerPhone: /** E.164 */ string | null;
  customerName: string | null;
  language: "en" | "ar" | "es";
  hoursBefore: number;
  /** ISO 8601 instant */
  start: string;
  /** Date and time at the branch, in the customer's language */
  when: string;
  location: string;
  services: Array<{
    service: string;
    staff: string;
    /** ISO 8601 instant */
    start: string;
  }>;
  /** The reminder as sent on the chat (reminder template) */
  text: string;
};
