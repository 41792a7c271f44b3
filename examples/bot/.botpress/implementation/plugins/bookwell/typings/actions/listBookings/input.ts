/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type Input = {
  /** E.164. Without a conversation (back office): whose bookings. With one, it must be the number the channel gives. */
  phone?: string;
  /** Pass it whenever the action answers a customer in a conversation. no_identity: the channel there gives no number. */
  conversationId?: string;
};
