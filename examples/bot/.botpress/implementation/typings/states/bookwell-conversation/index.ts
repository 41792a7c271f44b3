/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import * as payload from './payload'
export type BookwellConversation = {
  type: "conversation",
  payload: payload.Payload
}