/**
 * The scenario format. This zod schema is the single source of truth: the
 * loader validates with it and generate-schema.ts turns it into
 * scenario.schema.json, so every `.describe()` text below is what VS Code
 * shows on hover in a *.scenario.yaml file. Keep them written for QA.
 */
import { z } from 'zod';

export const ASKABLE = ['location', 'services', 'staff', 'time', 'name', 'phone', 'email', 'confirm', 'booking', 'confirm_cancel'] as const;
export type Askable = (typeof ASKABLE)[number];

export const INVARIANTS = [
  'no-repeated-question',
  'no-question-for-filled-slot',
  'no-live-catalog-call',
  'no-booking-without-yes',
  'reply-language',
  'no-empty-or-duplicate-message',
] as const;
export type InvariantName = (typeof INVARIANTS)[number];

export const LANGUAGES = ['en', 'ar', 'es'] as const;
export const ENDPOINTS = ['GetLocations', 'GetLocationServices', 'GetLocationStaff', 'GetItemsByDate', 'AddOrder', 'GetOrder', 'CancelOrder'] as const;

/** "2h", "30m", "1d", "90s", "1h30m". */
export const DURATION_RE = /^(?=\d)(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?$/;

const pattern = z
  .string()
  .min(1)
  .describe('A substring the bot text must contain (case-sensitive), or a regular expression written "/.../flags", e.g. "/pay(ment)? link/i".');
const patterns = z.union([pattern, z.array(pattern)]);

const isoWithOffset = z
  .string()
  .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/, 'an ISO date-time with offset, e.g. 2026-03-01T09:00:00+03:00')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'not a real date-time');

export const customerSchema = z
  .strictObject({
    phone: z
      .string({ error: 'phone must be a quoted string in E.164 form, e.g. "+96599887766" (unquoted, YAML reads it as a number)' })
      .regex(/^\+\d{6,15}$/, 'phone must be E.164, e.g. "+96599887766"')
      .describe('WhatsApp number of the customer, E.164 and quoted: "+96599887766". The bot takes it from the channel and must not ask for it.'),
    language: z.enum(LANGUAGES).default('en').describe('Language the customer writes in: en, ar (Kuwait) or es (Mexico). Every bot reply must be in it (invariant reply-language).'),
    name: z.string().min(1).optional().describe('WhatsApp profile name, which the bot may offer as the booking name.'),
    channelPhone: z
      .boolean()
      .default(true)
      .describe('false: the channel does not give the bot this number (a web chat): the bot must ask for it, and must not show, cancel or move anyone\'s bookings. `phone` then only tells the chats apart.'),
  })
  .describe('A customer: WhatsApp phone, language and profile name.');
export type CustomerSpec = z.output<typeof customerSchema>;

export const faultSchema = z
  .strictObject({
    endpoint: z.enum(ENDPOINTS).describe('Provider endpoint the fault applies to (Nail It names).'),
    call: z.int().min(1).optional().describe('Which call to that endpoint fails, counting from 1 after the scenario starts. Omitted: from the first call.'),
    times: z.int().min(1).optional().describe('How many consecutive calls fail, from `call` on. Default: 1 when `call` is given, otherwise every call.'),
    kind: z.enum(['timeout', 'error', 'malformed', 'slot_taken', 'latency']).describe('timeout: no answer; error: HTTP `status`; malformed: unparseable body; slot_taken: the slot was just booked by someone else; latency: answer after `ms`.'),
    status: z.int().min(400).max(599).optional().describe('HTTP status for kind: error (default 500).'),
    ms: z.int().min(0).optional().describe('Delay for kind: latency (or before a timeout), in milliseconds.'),
    slot: z
      .strictObject({
        staff: z.string().describe('Staff name or id whose time is taken, e.g. Sara.'),
        start: z.string().describe('Local start at the location, "YYYY-MM-DDTHH:MM".'),
        minutes: z.int().min(1).optional().describe('How long it is taken (default 60).'),
      })
      .optional()
      .describe('For slot_taken on GetItemsByDate (the live re-check): which time someone else just booked.'),
  })
  .describe('One entry of the provider fault schedule (the provider simulator injects it).');

const existingBookingSchema = z
  .strictObject({
    service: z.string().describe('Service name or id, e.g. Gel Manicure.'),
    location: z.string().describe('Location name or id, e.g. The Avenues.'),
    staff: z.string().optional().describe('Staff name or id; omitted: anyone free.'),
    start: z.string().describe('Local start time at the location, "YYYY-MM-DDTHH:MM".'),
    customer: z.string().optional().describe('Phone of the customer who holds it (default: somebody else, so the slot is just taken).'),
    status: z.enum(['confirmed', 'cancelled']).default('confirmed'),
  })
  .describe('A booking that exists before the chat starts (occupies its slot; visible to "my bookings").');

export const givenSchema = z
  .strictObject({
    catalog: z.string().min(1).describe('Provider simulator fixture, e.g. kuwait-spa or mexico-barber.'),
    now: isoWithOffset.describe('Frozen clock with offset, e.g. 2026-03-01T09:00:00+03:00. Moves only with `advanceClock` steps.'),
    customer: customerSchema.optional().describe('The customer who chats. Needed unless `customers:` names them all.'),
    faults: z.array(faultSchema).default([]).describe('Provider fault schedule, e.g. [{ endpoint: AddOrder, call: 1, kind: timeout }].'),
    existingBookings: z.array(existingBookingSchema).default([]).describe('Bookings present before the chat.'),
    config: z.record(z.string(), z.unknown()).default({}).describe('Plugin configuration overrides, e.g. { booking: { requireEmail: false } } or message templates.'),
    llm: z
      .strictObject({
        mode: z.enum(['fallback', 'always']).describe('llm.mode of the bot: fallback (a call when the rules leave a message unexplained) or always.'),
        timeoutMs: z.int().min(500).max(60_000).default(2000).describe('llm.timeoutMs (default 2000 here, so a timeout scenario is quick).'),
      })
      .optional()
      .describe('Run with an LLM. Its answers are replayed from <name>.llm.json beside this file, keyed by the request; a request with no recording fails the turn with a diff of the prompt. `bookwell test --record` records them against the endpoint in BOOKWELL_LLM_BASE_URL / _MODEL / _API_KEY.'),
  })
  .describe('What is true before the first message: catalog, clock, customer, provider faults, bookings, configuration, LLM.');
export type Given = z.output<typeof givenSchema>;

export const botSchema = z
  .strictObject({
    asks: z.enum(ASKABLE).nullable().optional().describe('The slot the last reply asks for: location, services, staff, time, name, phone, email, confirm, booking (which booking), confirm_cancel; null (~) = asks nothing.'),
    says: patterns.optional().describe('Every pattern must appear in the replies of this turn (substring, or "/regex/flags").'),
    notSays: patterns.optional().describe('No pattern may appear in the replies of this turn.'),
    state: z.record(z.string(), z.unknown()).optional().describe('A subset of the engine state that must match, e.g. { phase: confirmed, slots: { location: LOC-AV } }.'),
    nothing: z.literal(true).optional().describe('The bot sends no message this turn (e.g. a duplicate delivery).'),
    handoff: z.boolean().optional().describe('true: the turn hands the chat to a human; false: it must not.'),
    paymentLink: z.boolean().optional().describe('true: a payment link was sent this turn; false: none was.'),
    language: z.enum(LANGUAGES).optional().describe('The replies are in this language (defaults to the customer language via the reply-language invariant).'),
  })
  .describe('What the bot must do in answer to this turn. Invariants are checked on every turn anyway.');
export type BotExpect = z.output<typeof botSchema>;

const customerRef = z.string().min(1).optional().describe('Which customer (a key of `customers:`) sends this; default: the main customer.');

/** Where the host dies while handling a message (plugin/src/runtime/crash.ts has the crash points). */
export const CRASH_KINDS = ['after-yes', 'after-order', 'after-state-saved', 'after-reply-stored'] as const;
export type CrashKind = (typeof CRASH_KINDS)[number];

export const userStepSchema = z
  .strictObject({
    user: z.string().describe('What the customer writes.'),
    customer: customerRef,
    crash: z
      .enum(CRASH_KINDS)
      .optional()
      .describe(
        'The host dies while handling this message and is restarted on the same database, which then handles what was left: after-yes = right after the message is stored; after-order = right after the provider took the order; after-state-saved = after the conversation state was saved, before the replies; after-reply-stored = after the first reply was stored, before it was sent. `bot:` is checked against the replies from before and after the restart together.',
      ),
    bot: botSchema.optional(),
  })
  .describe('A customer message, and what the bot must answer.');

/** Every step kind, keyed by the one property that names it; the loader uses the key to explain errors. */
export const STEP_KINDS = {
  user: userStepSchema,
  duplicate: z
    .strictObject({ duplicate: z.literal(true).describe('Deliver the last message of this customer again, with the same message id (WhatsApp re-delivery).'), customer: customerRef, bot: botSchema.optional() })
    .describe('Duplicate delivery. The bot should stay silent (`bot: { nothing: true }`).'),
  outOfOrder: z
    .strictObject({
      outOfOrder: z.array(z.string()).min(2).describe('Messages written in this order, delivered in reverse (each carries its original send time).'),
      customer: customerRef,
      bot: botSchema.optional(),
    })
    .describe('Out-of-order delivery; `bot:` is checked against the replies of all deliveries together.'),
  restart: z.strictObject({ restart: z.literal(true).describe('Restart the host process state (same database) before the next message.') }).describe('Restart the host.'),
  advanceClock: z
    .strictObject({ advanceClock: z.string().regex(DURATION_RE, 'a duration like "2h", "30m", "1d" or "1h30m"').describe('Move the frozen clock forward: "90s", "30m", "2h", "1d", "1h30m".') })
    .describe('Advance the clock (stale catalog → refresh; abandoned chat → resume). Whatever falls due runs (reminders); a following `bot:` step checks what the bot sent on its own.'),
  include: z.strictObject({ include: z.string().describe('Path of a partial chat file (a YAML list of steps), relative to this file.') }).describe('Insert the steps of a shared partial chat here.'),
  simultaneous: z
    .strictObject({
      simultaneous: z.array(userStepSchema).min(2).describe('Messages from different customers sent at the same moment (races).'),
      anyOrder: z.boolean().default(false).describe('true: the `bot:` expectations may be met by the customers in any order (who wins a race is not fixed).'),
    })
    .describe('Several customers write at once; their turns run concurrently.'),
  bot: z
    .strictObject({
      bot: botSchema.describe('What the bot sent this customer on its own since the previous step (no customer message), e.g. a reminder after `advanceClock`; `nothing: true`: it sent nothing.'),
      customer: customerRef,
    })
    .describe('Messages the bot sends on its own (reminders, nudges): a step with no `user:`, usually after `advanceClock`.'),
} as const;
export type StepKind = keyof typeof STEP_KINDS;

export const stepSchema = z
  .union([STEP_KINDS.user, STEP_KINDS.duplicate, STEP_KINDS.outOfOrder, STEP_KINDS.restart, STEP_KINDS.advanceClock, STEP_KINDS.include, STEP_KINDS.simultaneous, STEP_KINDS.bot])
  .describe('One chat step: user, duplicate, outOfOrder, restart, advanceClock, include, simultaneous or bot (what the bot sends on its own).');
export type Step = z.output<typeof stepSchema>;
export type UserStep = z.output<typeof userStepSchema>;

export const chatSchema = z.array(stepSchema).describe('The chat, in order.');

const expectedBookingSchema = z
  .strictObject({
    service: z.string().optional().describe('Service name (substring, case-insensitive) or id.'),
    location: z.string().optional().describe('Location name (substring, case-insensitive) or id.'),
    staff: z.string().optional().describe('Staff name or id.'),
    start: z.string().optional().describe('Local start "YYYY-MM-DDTHH:MM" (a prefix is enough).'),
    status: z.string().optional().describe('Booking status, e.g. confirmed, cancelled (default: any).'),
    customer: z.string().optional().describe('Customer key or phone.'),
  })
  .describe('A booking that must exist after the chat.');

export const expectSchema = z
  .strictObject({
    bookings: z.array(expectedBookingSchema).optional().describe('The bookings after the chat, all of them: each entry matches a distinct booking, and there are no others. [] = nothing booked.'),
    providerOrders: z.int().min(0).optional().describe('Number of orders the provider holds for this scenario (never two for one confirmation).'),
    providerCalls: z
      .strictObject({
        allowed: z.array(z.enum(ENDPOINTS)).optional().describe('Only these endpoints may be called after the chat starts.'),
        forbidden: z.array(z.enum(ENDPOINTS)).optional().describe('These endpoints must not be called after the chat starts.'),
        counts: z.partialRecord(z.enum(ENDPOINTS), z.int().min(0)).optional().describe('Exact number of calls per endpoint, e.g. { AddOrder: 1 }.'),
      })
      .optional()
      .describe('Live provider calls made after the chat started.'),
    events: z.array(z.string()).optional().describe('Event names that must have been emitted, e.g. bookingConfirmed, bookingCancelled, handoffRequested.'),
    maxQuestions: z.int().min(0).optional().describe('Most questions (replies that ask for a slot) any one customer may get.'),
  })
  .describe('What must be true after the chat.');
export type Expect = z.output<typeof expectSchema>;

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    scenario: z.string().min(1).describe('Scenario name, unique in its file. It is the test name in reports and in VS Code.'),
    tags: z.array(z.string()).default([]).describe('Tags for --tags filtering, e.g. [single-service, en].'),
    given: givenSchema,
    customers: z.record(z.string(), customerSchema).optional().describe('Several customers by key, e.g. { amal: {...}, noura: {...} }; steps pick one with `customer: amal`.'),
    chat: chatSchema,
    expect: expectSchema.optional(),
    relax: z.array(z.enum(INVARIANTS)).default([]).describe('Invariants switched off for this scenario (shown in the report). Use sparingly.'),
  })
  .refine((s) => s.given.customer || (s.customers && Object.keys(s.customers).length > 0), {
    message: 'give `given.customer` or `customers:`',
    path: ['given'],
  })
  .describe('A Bookwell conversation scenario: given → chat → expect. One per YAML document; several documents (---) may share a file.');
export type Scenario = z.output<typeof scenarioSchema>;

/** A partial chat for `include:`. */
export const partialSchema = chatSchema.describe('A shared partial chat: a YAML list of steps, included with `- include: path`.');
