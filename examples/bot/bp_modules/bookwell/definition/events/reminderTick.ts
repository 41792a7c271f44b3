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
      "Every few minutes: sends what is due on the clock: booking reminders (reminders.*), the owners\' morning schedules, any owner message still pending, and the one nudge of a booking left half-made (followUp.*).",
    ),
};
