/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type HandoffRequested = {
  businessId: string;
  conversationId: string;
  reason: string;
  summary: string;
  customerPhone: string | null;
};
