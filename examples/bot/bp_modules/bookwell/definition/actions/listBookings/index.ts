/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as input from "./input";
export * as input from "./input";
import * as output from "./output";
export * as output from "./output";

export const listBookings = {
  "input": input.input,
  "output": output.output,
  "title": "List bookings",
  "description": "A customer's upcoming bookings: for a conversation, those of the customer its channel vouches for.",
}
