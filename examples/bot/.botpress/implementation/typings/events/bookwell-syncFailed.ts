/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type BookwellSyncFailed = {
  kind: string;
  status: string;
  errors: Array<{ scope: string; message: string }>;
};
