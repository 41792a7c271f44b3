/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type Output = {
  /** no_identity: the channel gives no number; not_allowed: the phone is not the one the channel gives */
  outcome: "listed" | "no_identity" | "not_allowed";
  bookings: Array<{
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
  }>;
};
