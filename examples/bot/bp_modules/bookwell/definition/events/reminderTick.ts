/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const reminderTick = {
  schema: z
    .object({})
    .catchall(z.never())
    .title("Reminder tick")
    .describe(
      "Every few minutes: sends the booking reminders that are due (reminders.*).",
    ),
};
