/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type BookwellBookingCancelled = {
  businessId: string;
  bookingId: string;
  conversationId: string | null;
  providerOrderId: string | null;
};
