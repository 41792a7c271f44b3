/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type Input = {
  locationId: string;
  serviceId: string;
  /** Omit for anyone */
  staffId?: string;
  /** ISO 8601 instant */
  from?: string;
  limit?: number;
};
