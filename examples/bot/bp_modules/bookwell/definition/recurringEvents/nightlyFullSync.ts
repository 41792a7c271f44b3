/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export const nightlyFullSync = {
  type: "fullSyncDue",
  schedule: { cron: "0 0 * * *" },
  payload: {},
};
