/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type Payload = {
  engine:
    | /** Slots filled, pending question, language (see plugin/src/conversation/state.ts) */ {
        [key: string]: any;
      }
    | null;
  lastOutcome?:
    | /** What the last turn did: asked, ready_to_confirm, confirmed, handoff, … */ string
    | null;
  lastAsked?: /** The slot the last reply asked for, if any. */ string | null;
  turn?: { messageId: string; replies: string[] } | null;
  offer?:
    | /** "Same as last time" or "continue", offered beside the last reply (see plugin/src/followup). */ {
        [key: string]: any;
      }
    | null;
};
