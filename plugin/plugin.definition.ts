/**
 * Bookwell as a Botpress plugin: configuration (provider, database, business,
 * sync, handoff, LLM, every customer-facing message), the conversation state,
 * booking tools as actions, events for the owner, and the sync schedule.
 */
import { PluginDefinition, z } from '@botpress/sdk';
import { PLUGIN_TICK_CRON } from './src/catalog/scheduler';
import { configurationSchema } from './src/config/schema';

const iso = () => z.string().describe('ISO 8601 instant');

const bookingSchema = z.object({
  id: z.string().title('Booking id'),
  status: z.enum(['pending', 'confirmed', 'failed', 'cancelled']).title('Status'),
  location: z.string().title('Location'),
  items: z.array(z.object({ service: z.string(), staff: z.string(), start: iso(), end: iso() })).title('Items'),
  total: z.number().nullable().title('Total'),
  currency: z.string().nullable().title('Currency'),
  paymentLink: z.string().nullable().title('Payment link'),
  providerOrderId: z.string().nullable().title('Provider order id'),
});

/**
 * The conversation an action acts for (an LLM agent or a flow answering a customer): only the customer its channel
 * vouches for (WhatsApp number, signed Chat profile) may be listed, cancelled or moved — never a number typed in the chat.
 */
const actingFor = z
  .string()
  .optional()
  .title('Conversation id')
  .describe('Pass it whenever the action answers a customer in a conversation. no_identity: the channel there gives no number.');

const customerSchema = z.object({
  name: z.string().title('Name'),
  phone: z.string().title('Phone').describe('E.164'),
  email: z.string().optional().title('Email'),
});

export default new PluginDefinition({
  name: 'bookwell',
  version: '0.1.0',
  title: 'Bookwell booking assistant',
  description: 'Takes bookings for salons, spas and clinics: catalog copy synced from the booking provider, a slot-filling conversation in English, Arabic and Spanish, orders with payment links, cancel and reschedule.',
  icon: 'icon.svg',
  readme: 'hub.md',
  configuration: { schema: configurationSchema },
  states: {
    conversation: {
      type: 'conversation',
      schema: z
        .object({
          engine: z.record(z.any()).nullable().title('Engine state').describe('Slots filled, pending question, language (see plugin/src/conversation/state.ts)'),
          lastOutcome: z.string().nullable().optional().title('Last outcome').describe('What the last turn did: asked, ready_to_confirm, confirmed, handoff, …'),
          lastAsked: z.string().nullable().optional().title('Last question').describe('The slot the last reply asked for, if any.'),
          turn: z
            .object({ messageId: z.string(), replies: z.array(z.string()) })
            .nullable()
            .optional()
            .title('Last turn')
            .describe('The message this state answers and its replies: the same message handled again (after a crash) gets these replies again, not a second turn.'),
          offer: z.record(z.any()).nullable().optional().title('Offered choice').describe('"Same as last time" or "continue", offered beside the last reply (see plugin/src/followup).'),
        })
        .title('Booking conversation'),
    },
  },
  events: {
    bookingConfirmed: {
      schema: z
        .object({
          businessId: z.string(), bookingId: z.string(), conversationId: z.string().nullable(), providerOrderId: z.string(),
          paymentLink: z.string(), rescheduledFromId: z.string().nullable(),
        })
        .title('Booking confirmed')
        .describe('A provider order was created and its payment link sent.'),
    },
    bookingCancelled: {
      schema: z
        .object({ businessId: z.string(), bookingId: z.string(), conversationId: z.string().nullable(), providerOrderId: z.string().nullable() })
        .title('Booking cancelled')
        .describe('A booking was cancelled at the provider.'),
    },
    handoffRequested: {
      schema: z
        .object({ businessId: z.string(), conversationId: z.string(), reason: z.string(), summary: z.string(), customerPhone: z.string().nullable() })
        .title('Handoff requested')
        .describe('The conversation needs a person; the bot stays silent until released.'),
    },
    syncFailed: {
      schema: z
        .object({ kind: z.string(), status: z.string(), errors: z.array(z.object({ scope: z.string(), message: z.string() })) })
        .title('Sync failed')
        .describe('A catalog sync ended with errors.'),
    },
    reminderDue: {
      schema: z
        .object({
          businessId: z.string(), businessName: z.string(), bookingId: z.string(),
          conversationId: z.string().nullable().describe('Botpress conversation the reminder text went to; null when the booking has no chat'),
          customerPhone: z.string().nullable().describe('E.164'), customerName: z.string().nullable(),
          language: z.enum(['en', 'ar', 'es']), hoursBefore: z.number(),
          start: iso(), when: z.string().describe('Date and time at the branch, in the customer\'s language'),
          location: z.string(),
          services: z.array(z.object({ service: z.string(), staff: z.string(), start: iso() })),
          text: z.string().describe('The reminder as sent on the chat (reminder template)'),
        })
        .title('Reminder due')
        .describe('A booking reminder went out (once per booking and offset). On the official WhatsApp integration, outside the 24-hour window, send an approved template from these fields.'),
    },
    reminderTick: {
      schema: z
        .object({})
        .title('Reminder tick')
        .describe('Every few minutes: sends what is due on the clock: booking reminders (reminders.*), the owners\' morning schedules, any owner message still pending, and the one nudge of a booking left half-made (followUp.*).'),
    },
    ownerNotification: {
      schema: z
        .object({
          businessId: z.string(),
          kind: z.enum(['booking', 'cancellation', 'reschedule', 'handoff', 'schedule']),
          key: z.string().describe('What it is about, e.g. booking:<id> or schedule:<location>:<date>; each key is notified once'),
          text: z.string().describe('The message as the owner numbers get it'),
          numbers: z.array(z.string()).describe('The owner numbers it is sent to (owners.numbers)'),
          bookingId: z.string().nullable(),
          locationId: z.string().nullable(),
          date: z.string().nullable().describe('A morning schedule\'s local date'),
        })
        .title('Owner notification')
        .describe('A new booking, cancellation, reschedule, handoff request or branch morning schedule, as sent to the owner numbers (once each).'),
    },
    syncTick: {
      schema: z
        .object({})
        .title('Sync tick')
        .describe(
          'Every few minutes: runs the full sync, the slot refresh and the booking reconciler when the configured schedule (sync.fullSyncCron, sync.slotRefreshMinutes, booking.reconcileMinutes) says they are due.',
        ),
    },
  },
  recurringEvents: {
    syncTick: { type: 'syncTick', payload: {}, schedule: { cron: PLUGIN_TICK_CRON } },
    reminderTick: { type: 'reminderTick', payload: {}, schedule: { cron: PLUGIN_TICK_CRON } },
  },
  actions: {
    syncCatalog: {
      title: 'Sync catalog',
      description: 'Copy locations, services, staff and free time slots from the provider now.',
      input: { schema: z.object({ slotsOnly: z.boolean().optional().title('Slots only') }) },
      output: {
        schema: z.object({
          status: z.string(), locations: z.number(), services: z.number(), staff: z.number(), slots: z.number(),
          rowsWritten: z.number(), providerCalls: z.number(), durationMs: z.number(),
        }),
      },
    },
    listServices: {
      title: 'List services',
      description: 'Services with prices and durations, from the catalog copy (optionally at one location).',
      input: { schema: z.object({ locationId: z.string().optional().title('Location id') }) },
      output: {
        schema: z.object({
          services: z.array(z.object({ id: z.string(), name: z.string(), nameAr: z.string().nullable(), durationMin: z.number(), price: z.number(), currency: z.string(), locationIds: z.array(z.string()) })),
        }),
      },
    },
    findAvailability: {
      title: 'Find availability',
      description: 'The nearest free start times for a service at a location, from the catalog copy.',
      input: {
        schema: z.object({
          locationId: z.string().title('Location id'),
          serviceId: z.string().title('Service id'),
          staffId: z.string().optional().title('Staff id').describe('Omit for anyone'),
          from: iso().optional().title('From'),
          limit: z.number().int().min(1).max(20).optional().title('How many'),
        }),
      },
      output: { schema: z.object({ starts: z.array(z.object({ start: iso(), staffId: z.string() })) }) },
    },
    createBooking: {
      title: 'Create booking',
      description: 'Re-check the slot live, create one provider order (idempotent) and return its payment link.',
      input: {
        schema: z.object({
          idempotencyKey: z.string().min(8).title('Idempotency key').describe('Same key, same order: safe to retry.'),
          locationId: z.string().title('Location id'),
          items: z.array(z.object({ serviceId: z.string(), staffId: z.string(), start: iso() })).min(1).title('Items'),
          customer: customerSchema,
          conversationId: z.string().optional(),
        }),
      },
      output: {
        schema: z.object({
          outcome: z
            .enum(['booked', 'already_booked', 'slot_taken', 'provider_down', 'rejected', 'outcome_unknown'])
            .describe('outcome_unknown: the order may exist and the provider could not be asked in time; the booking is pending and the conversation (if given) is told its link or failure once known.'),
          booking: bookingSchema.nullable(),
          alternatives: z.array(iso()),
        }),
      },
    },
    cancelBooking: {
      title: 'Cancel booking',
      description: 'Cancel a booking at the provider and in the database. For a conversation, only a booking of the customer its channel vouches for.',
      input: { schema: z.object({ bookingId: z.string().title('Booking id'), conversationId: actingFor }) },
      output: { schema: z.object({ outcome: z.enum(['cancelled', 'not_found', 'provider_down', 'no_identity']), booking: bookingSchema.nullable() }) },
    },
    rescheduleBooking: {
      title: 'Reschedule booking',
      description: 'Order the new time first, then cancel the old booking; the customer is never left with none.',
      input: { schema: z.object({ bookingId: z.string(), start: iso().title('New start'), staffId: z.string().optional(), conversationId: actingFor }) },
      output: {
        schema: z.object({
          outcome: z.enum(['rescheduled', 'slot_taken', 'not_found', 'provider_down', 'no_identity', 'outcome_unknown']),
          booking: bookingSchema.nullable(),
          alternatives: z.array(iso()),
        }),
      },
    },
    listBookings: {
      title: 'List bookings',
      description: "A customer's upcoming bookings: for a conversation, those of the customer its channel vouches for.",
      input: {
        schema: z.object({
          phone: z.string().optional().title('Phone').describe('E.164. Without a conversation (back office): whose bookings. With one, it must be the number the channel gives.'),
          conversationId: actingFor,
        }),
      },
      output: {
        schema: z.object({
          outcome: z.enum(['listed', 'no_identity', 'not_allowed']).describe('no_identity: the channel gives no number; not_allowed: the phone is not the one the channel gives'),
          bookings: z.array(bookingSchema),
        }),
      },
    },
    releaseHandoff: {
      title: 'Release to the bot',
      description: 'Give a handed-off conversation back to the bot.',
      input: { schema: z.object({ conversationId: z.string() }) },
      output: { schema: z.object({ released: z.boolean() }) },
    },
    handoff: {
      title: 'Hand off to a human',
      description: 'Mark the conversation for a person; the bot stays silent until released.',
      input: { schema: z.object({ conversationId: z.string(), reason: z.string().optional() }) },
      output: { schema: z.object({ ok: z.boolean() }) },
    },
  },
});
