/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as input from "./input";
export * as input from "./input";
import * as output from "./output";
export * as output from "./output";

export type BookwellListBookings = {
  "input": input.Input;
  "output": output.Output;
}
