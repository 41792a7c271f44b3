/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type Output = {
  starts: Array<{
    /** ISO 8601 instant */
    start: string;
    staffId: string;
  }>;
};
