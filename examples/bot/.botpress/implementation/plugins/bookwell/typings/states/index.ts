/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as conversation from "./conversation/index";
export * as conversation from "./conversation/index";

export type States = {
  "conversation": conversation.Conversation;
}
