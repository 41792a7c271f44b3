/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as input from "./input";
export * as input from "./input";
import * as output from "./output";
export * as output from "./output";

export const releaseHandoff = {
  "input": input.input,
  "output": output.output,
  "title": "Release to the bot",
  "description": "Give a handed-off conversation back to the bot.",
}
