/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type Payload = {
  /** Slots filled, pending question, language (see plugin/src/conversation/state.ts) */
  engine: { [key: string]: any } | null;
  /** What the last turn did: asked, ready_to_confirm, confirmed, handoff, … */
  lastOutcome?: string | null;
  /** The slot the last reply asked for, if any. */
  lastAsked?: string | null;
  /** The message this state answers and its replies: the same message handled again (after a crash) gets these replies again, not a second turn. */
  turn?: { messageId: string; replies: string[] } | null;
  /** "Same as last time" or "continue", offered beside the last reply (see plugin/src/followup). */
  offer?: { [key: string]: any } | null;
};
