/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.
import * as bookwellConversation from "./bookwell-conversation/index";
export * as bookwellConversation from "./bookwell-conversation/index";

export type States = {
  "bookwell#conversation": bookwellConversation.BookwellConversation;
}
