/**
 * Test support: one customer's chat through `respond` (engine, then the
 * booking step) for a fresh tenant with the Kuwait catalog, on the test
 * harness's database and simulator, at the frozen clock.
 */
import { createBookingService } from '../booking';
import { NOW, tenant, type Harness } from '../booking/testing';
import type { BookingDeps } from '../booking/types';
import { createDbCatalog } from '../catalog/queries';
import type { EngineDeps } from '../conversation/engine';
import type { ConversationState } from '../conversation/state';
import { createRuleExtractor } from '../understanding';
import { respond } from './respond';

export async function assistantChat(h: Harness, phone: string, over: Partial<BookingDeps> = {}) {
  const t = await tenant(h, over);
  const booking = createBookingService(t.deps);
  const catalog = createDbCatalog({ prisma: t.deps.prisma, businessId: t.businessId, now: () => NOW });
  const engine: EngineDeps = { catalog, bookings: booking, extract: createRuleExtractor(await catalog.snapshot()), now: () => NOW, requiredFields: { email: false } };
  const conversationId = await t.conversation(phone);
  let state: ConversationState | null = null;
  return {
    t,
    booking,
    get state() {
      return state!;
    },
    async say(text: string) {
      const handedOff = await booking.isHandedOff(conversationId);
      const r = await respond(state, { text, channelPhone: phone, profileName: null, conversationId, handedOff }, { ...engine, booking, handoffEnabled: true });
      state = r.state;
      return { ...r, text: r.replies.join('\n') };
    },
  };
}
