/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type Output = {
  outcome:
    | "rescheduled"
    | "slot_taken"
    | "not_found"
    | "provider_down"
    | "no_identity"
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
