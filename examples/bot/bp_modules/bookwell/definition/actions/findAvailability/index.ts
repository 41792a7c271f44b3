/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as input from "./input";
export * as input from "./input";
import * as output from "./output";
export * as output from "./output";

export const findAvailability = {
  "input": input.input,
  "output": output.output,
  "title": "Find availability",
  "description": "The nearest free start times for a service at a location, from the catalog copy.",
}
