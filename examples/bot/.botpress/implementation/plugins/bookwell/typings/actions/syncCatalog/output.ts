/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type Output = {
  status: string;
  locations: number;
  services: number;
  staff: number;
  slots: number;
  rowsWritten: number;
  providerCalls: number;
  durationMs: number;
};
