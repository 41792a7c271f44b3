/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as input from "./input";
export * as input from "./input";
import * as output from "./output";
export * as output from "./output";

export const createBooking = {
  "input": input.input,
  "output": output.output,
  "title": "Create booking",
  "description": "Re-check the slot live, create one provider order (idempotent) and return its payment link.",
}
