/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type BookingConfirmed = {
  businessId: string;
  bookingId: string;
  conversationId: string | null;
  providerOrderId: string;
  paymentLink: string;
  rescheduledFromId: string | null;
};
