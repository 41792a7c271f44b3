/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as input from "./input";
export * as input from "./input";
import * as output from "./output";
export * as output from "./output";

export const syncCatalog = {
  "input": input.input,
  "output": output.output,
  "title": "Sync catalog",
  "description": "Copy locations, services, staff and free time slots from the provider now.",
}
