/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as conversation from "./conversation";
export * as conversation from "./conversation";

export const states = {
  "conversation": conversation.conversation,
}
