/** The slot-filling conversation engine: public API. */
export { handleTurn, type EngineDeps, type TurnInput, type TurnResult, type TurnOutcome } from './engine';
export {
  newConversationState,
  restartState,
  SLOT_ORDER,
  STATE_VERSION,
  type AskedSlot,
  type ConversationState,
  type Flow,
  type Offer,
  type Phase,
  type ServiceItem,
  type SlotName,
  type Slots,
} from './state';
export { nextMissingSlot, DEFAULT_REQUIRED, type RequiredFields } from './policy';
export { isFilled } from './slots';
export { DEFAULT_TEMPLATES, templater, type TemplateKey, type TemplateOverrides, type TemplateSet } from './templates';
export { fullSummary, summaryLine, totalPrice } from './summary';
export { MAX_INPUT_CHARS } from './input';
