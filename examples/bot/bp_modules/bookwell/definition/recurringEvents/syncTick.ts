/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export const syncTick = {
  type: "syncTick",
  schedule: { cron: "*/5 * * * *" },
  payload: {},
};
