/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type ReminderTick = {};
