/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type Input = {
  bookingId: string;
  /** Pass it whenever the action answers a customer in a conversation. no_identity: the channel there gives no number. */
  conversationId?: string;
};
