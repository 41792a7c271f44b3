/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as input from "./input";
export * as input from "./input";
import * as output from "./output";
export * as output from "./output";

export const listServices = {
  "input": input.input,
  "output": output.output,
  "title": "List services",
  "description": "Services with prices and durations, from the catalog copy (optionally at one location).",
}
