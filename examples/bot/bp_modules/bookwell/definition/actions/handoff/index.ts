/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as input from "./input";
export * as input from "./input";
import * as output from "./output";
export * as output from "./output";

export const handoff = {
  "input": input.input,
  "output": output.output,
  "title": "Hand off to a human",
  "description": "Mark the conversation for a person; the bot stays silent until released.",
}
