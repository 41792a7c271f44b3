/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type Input = {
  /** Same key, same order: safe to retry. */
  idempotencyKey: string;
  locationId: string;
  items: Array<{
    serviceId: string;
    staffId: string;
    /** ISO 8601 instant */
    start: string;
  }>;
  customer: {
    name: string;
    /** E.164 */
    phone: string;
    email?: string;
  };
  conversationId?: string;
};
