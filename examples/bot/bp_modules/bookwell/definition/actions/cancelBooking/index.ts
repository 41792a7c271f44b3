/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as input from "./input";
export * as input from "./input";
import * as output from "./output";
export * as output from "./output";

export const cancelBooking = {
  "input": input.input,
  "output": output.output,
  "title": "Cancel booking",
  "description": "Cancel a booking at the provider and in the database. For a conversation, only a booking of the customer its channel vouches for.",
}
