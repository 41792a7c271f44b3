/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as input from "./input";
export * as input from "./input";
import * as output from "./output";
export * as output from "./output";

export const rescheduleBooking = {
  "input": input.input,
  "output": output.output,
  "title": "Reschedule booking",
  "description": "Order the new time first, then cancel the old booking; the customer is never left with none.",
}
