/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export const reminderTick = {
  type: "reminderTick",
  schedule: { cron: "*/5 * * * *" },
  payload: {},
};
