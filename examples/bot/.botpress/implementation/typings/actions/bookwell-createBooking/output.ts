/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type Output = {
  /** outcome_unknown: the order may exist and the provider could not be asked in time; the booking is pending and the conversation (if given) is told its link or failure once known. */
  outcome:
    | "booked"
    | "already_booked"
    | "slot_taken"
    | "provider_down"
    | "rejected"
    | "outcome_unknown";
  booking: {
    id: string;
    status: "pending" | "confirmed" | "failed" | "cancelled";
    location: string;
    items: Array<{
      service: string;
      staff: string;
      /** ISO 8601 instant */
      start: string;
      /** ISO 8601 instant */
      end: string;
    }>;
    total: number | null;
    currency: string | null;
    paymentLink: string | null;
    providerOrderId: string | null;
  } | null;
  alternatives: Array</** ISO 8601 instant */ string>;
};
