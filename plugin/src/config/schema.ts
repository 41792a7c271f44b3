/**
 * The plugin's configuration, as bot builders and owners fill it in the
 * Botpress studio. Every field has a title and a description; defaults are
 * applied by `parseConfiguration` (sdk 5.4.3 applies none itself).
 * Customer-facing templates are generated from the engine's defaults, so a
 * new template appears here without touching this file.
 */
import { z } from '@botpress/sdk';
import { ARABIC_GENDERS, DEFAULT_TEMPLATES, type TemplateKey } from '../conversation/templates';

// Botpress turns this schema into JSON Schema, which has no room for code: the values with a domain
// (time zones, countries, currencies, URLs, schedules) are checked by parseConfiguration (see DOMAIN_CHECKS).

const LANGUAGE_NAMES = { en: 'English', ar: 'Arabic (Gulf)', es: 'Spanish (Mexico)' } as const;

const templatesForLanguage = (lang: keyof typeof LANGUAGE_NAMES) =>
  z
    .object(
      Object.fromEntries(
        (Object.keys(DEFAULT_TEMPLATES[lang]) as TemplateKey[]).map((key) => [
          key,
          z.string().optional().title(key).describe(`Default: ${DEFAULT_TEMPLATES[lang][key]}`),
        ]),
      ) as Record<TemplateKey, z.ZodOptional<z.ZodString>>,
    )
    .partial()
    .strict()
    .optional()
    .title(`${LANGUAGE_NAMES[lang]} messages`)
    .describe(`Overrides of the ${LANGUAGE_NAMES[lang]} replies. Leave a field empty to keep the default. {placeholders} are filled in by the bot.`);

export const configurationSchema = z.object({
  provider: z
    .object({
      baseUrl: z
        .string()
        .url()
        .optional()
        .title('Provider URL')
        .describe('Base URL of the Nail It API, e.g. https://api.example.com/nailit (or of the provider simulator, which speaks the same API). Required.'),
      token: z.string().secret().optional().title('Provider token').describe('Sent as a bearer token on every provider call.'),
      timeoutMs: z.number().int().min(500).max(60_000).default(8000).title('Provider timeout (ms)').describe('Per call, before it counts as a timeout.'),
    })
    .strict()
    .default({})
    .title('Booking provider')
    .describe('The booking system that holds the real calendar.'),
  databaseUrl: z
    .string()
    .secret()
    .optional()
    .title('Database URL')
    .describe('postgresql:// URL of the database holding the catalog copy, conversations and bookings (Neon, Supabase, RDS, …); migrations run on first use. Required on Botpress Cloud; the local host fills it with its own database.'),
  business: z
    .object({
      id: z.string().min(1).title('Business id').describe('Stable id of the business (tenant) in the database, e.g. "pearl-spa".'),
      name: z.string().min(1).title('Business name').describe('Shown to customers in greetings.'),
      country: z.string().title('Country').describe('ISO 3166 code, e.g. KW or MX: used to read local phone numbers.'),
      currency: z.string().title('Currency').describe('ISO 4217 code, e.g. KWD or MXN.'),
      timezone: z.string().title('Time zone').describe('IANA zone, e.g. Asia/Kuwait. Each location may have its own; this one schedules the sync.'),
      languages: z
        .array(z.enum(['en', 'ar', 'es']))
        .min(1)
        .default(['en'])
        .title('Languages')
        .describe('Languages the bot answers in; the first is used until the customer writes in another.'),
    })
    // not strict: hosts pass the catalog's business as it is (with its nameAr); every field here but one is required anyway
    .title('Business')
    .describe('The business this bot books for.'),
  booking: z
    .object({
      requireEmail: z.boolean().default(true).title('Ask for email').describe('Whether the bot asks for an email address before booking.'),
      deadlineMs: z
        .number()
        .int()
        .min(1000)
        .max(120_000)
        .default(20_000)
        .title('Booking deadline (ms)')
        .describe('How long to keep retrying the provider for one confirmation before apologising and offering a human.'),
      reconcileMinutes: z
        .number()
        .int()
        .min(1)
        .max(59)
        .default(1)
        .title('Booking reconciler (minutes)')
        .describe(
          'Minutes between runs of the booking reconciler: it settles bookings whose outcome is unknown (the provider did not answer in time, or a crash) with the provider and tells each customer the payment link or that it did not go through, once. On Botpress Cloud the plugin looks every 5 minutes whether it is due.',
        ),
    })
    .strict()
    .default({})
    .title('Booking')
    .describe('How bookings are taken.'),
  sync: z
    .object({
      fullSyncCron: z
        .string()
        .default('0 3 * * *')
        .title('Full sync schedule')
        .describe('Cron expression, in the business time zone, of the full catalog sync. On Botpress Cloud the plugin looks every 5 minutes whether it is due.'),
      slotRefreshMinutes: z
        .number()
        .int()
        .min(1)
        .max(59)
        .default(20)
        .title('Slot refresh (minutes)')
        .describe('Minutes between refreshes of the free time slots. On Botpress Cloud the plugin looks every 5 minutes whether it is due.'),
      slotDays: z.number().int().min(1).max(90).default(14).title('Days of slots').describe('How many days ahead free time slots are copied.'),
    })
    .strict()
    .default({})
    .title('Catalog sync')
    .describe('When the copy of the catalog is refreshed from the provider.'),
  reminders: z
    .object({
      enabled: z.boolean().default(true).title('Send reminders').describe('Remind customers of their confirmed bookings on the chat they booked in.'),
      offsetsHours: z
        .array(z.number().min(0.25).max(168))
        .max(5)
        .default([24, 2])
        .title('Hours before')
        .describe('When to remind, in hours before the booking starts, e.g. [24, 2]. A booking made later than a reminder\'s time gets only the later ones.'),
      quietHoursStart: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time "HH:MM", e.g. 21:00')
        .default('21:00')
        .title('Quiet hours from')
        .describe('Local time (business time zone) from which no reminder is sent; one that falls in quiet hours goes out before them instead.'),
      quietHoursEnd: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time "HH:MM", e.g. 09:00')
        .default('09:00')
        .title('Quiet hours until')
        .describe('Local time at which quiet hours end. Equal to the start: no quiet hours.'),
    })
    .strict()
    .default({})
    .title('Reminders')
    .describe('Messages before each confirmed booking, from the reminder templates; also emitted as the reminderDue event (for an approved WhatsApp template on the official integration).'),
  followUp: z
    .object({
      returningCustomers: z
        .boolean()
        .default(true)
        .title('Greet returning customers')
        .describe('A customer this business knows by the number their channel gives is greeted by name, in the language they last wrote in, and offered their last booking again as one choice.'),
      nudgeAfterHours: z.number().min(0.25).max(72).default(2).title('Nudge after (hours)').describe('A booking left half-made this long gets one message with what was chosen so far.'),
      expireAfterHours: z
        .number()
        .min(1)
        .max(720)
        .default(24)
        .title('Expire after (hours)')
        .describe('After this long the half-made booking is dropped: the next message starts afresh, with the old choice offered as one option (its time is never assumed still free).'),
    })
    .strict()
    .default({})
    .title('Follow-up')
    .describe('Returning customers and abandoned chats.'),
  owners: z
    .object({
      numbers: z
        .array(z.string().regex(/^\+\d{7,15}$/, 'an E.164 number, e.g. +96599887766'))
        .max(10)
        .default([])
        .title('Owner numbers')
        .describe('WhatsApp numbers (E.164) told about each new booking, cancellation, reschedule and handoff request, and sent each branch\'s morning schedule. Empty: none (the Botpress events still go out).'),
      notify: z
        .array(z.enum(['booking', 'cancellation', 'reschedule', 'handoff']))
        .default(['booking', 'cancellation', 'reschedule', 'handoff'])
        .title('Tell owners about')
        .describe('Which happenings are sent to the owner numbers.'),
      morningSchedule: z.boolean().default(true).title('Morning schedule').describe('Each morning, per branch, the day\'s bookings by staff member.'),
      morningScheduleTime: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time "HH:MM", e.g. 08:00')
        .default('08:00')
        .title('Morning schedule at')
        .describe('Local time at each branch when its schedule is sent (once a day; later that day if nothing ran then).'),
      language: z.enum(['en', 'ar', 'es']).optional().title('Owner language').describe('Language of the owner messages; default: the business\'s first language.'),
      integration: z
        .string()
        .min(1)
        .default('whatsapp')
        .title('Owner channel')
        .describe('The integration owner messages are sent through (the WhatsApp bridge or integration). On Botpress Cloud the ownerNotification event carries the same text for an approved template.'),
    })
    .strict()
    .default({})
    .title('Owner notifications')
    .describe('What the owners hear about, on WhatsApp and as the ownerNotification event.'),
  handoff: z
    .object({
      enabled: z
        .boolean()
        .default(true)
        .title('Offer a human')
        .describe('Hand the conversation to a person on request, after repeated failures, or when the provider is down. The bot then stays silent until the releaseHandoff action gives it back.'),
    })
    .strict()
    .default({})
    .title('Handoff')
    .describe('Talking to a human.'),
  channels: z
    .object({
      chatProfileSecret: z
        .string()
        .min(16)
        .secret()
        .optional()
        .title('Chat profile secret')
        .describe(
          'When `bookwell whatsapp` forwards to this bot through the Chat integration: the same secret (16 characters or more) as its --chat-profile-secret (with this bot\'s id as its --botpress-bot-id). The customer number in a Chat user profile is used only when signed with it for this bot in the last 24 hours; without it the bot asks for the number.',
        ),
    })
    .strict()
    .default({})
    .title('Channels')
    .describe('How customers reach the bot.'),
  synonyms: z
    .record(z.string().min(1), z.array(z.string().min(1)))
    .default({})
    .title('Synonyms')
    .describe('Extra words customers use, per location, service or staff id, e.g. { "SVC-101": ["mani", "عادي"], "STF-01": ["سارة"] }. Added to the built-in ones.'),
  systemPrompt: z
    .string()
    .default('You are the friendly booking assistant of {business}. Answer briefly and warmly. When you are not sure, say that the team will confirm.')
    .title('System prompt')
    .describe(
      'The owner\'s instructions to the AI model (used only when an LLM is configured and its mode is not off): tone, what to say and not to say. {business} is the business name. The booking flow never depends on it: prices, times, staff and bookings always come from the catalog.',
    ),
  businessFacts: z
    .string()
    .default('')
    .title('Business facts')
    .describe('Facts the AI model may use to answer questions the catalog cannot: parking, payment methods, children, products used, health questions… Plain text. Used only when an LLM is configured.'),
  llm: z
    .object({
      baseUrl: z.string().url().optional().title('LLM endpoint').describe('OpenAI-compatible base URL, e.g. https://api.openai.com/v1, https://api.moonshot.ai/v1, https://api.deepseek.com/v1 or a vLLM server\'s http://host:8000/v1.'),
      apiKey: z.string().secret().optional().title('API key').describe('Key for the LLM endpoint (sent as a bearer token). A local server may need none.'),
      model: z.string().min(1).optional().title('Model').describe('Model name, e.g. gpt-4o-mini, kimi-k2-0905-preview, deepseek-chat.'),
      mode: z
        .enum(['off', 'fallback', 'always'])
        .default('off')
        .title('Mode')
        .describe('off: rules only. fallback: one model call when the rules leave a message unexplained (and for questions the catalog cannot answer). always: one model call on every message (for comparison; costs more).'),
      timeoutMs: z.number().int().min(500).max(60_000).default(8000).title('Timeout (ms)').describe('Per model call; one retry at most. On a timeout or any failure the bot goes on with its rules, unnoticed by the customer.'),
    })
    .strict()
    .default({})
    .title('LLM (optional)')
    .describe('An OpenAI-compatible model that understands what the rules miss and answers what the catalog cannot. Off by default: the bot works fully on rules.'),
  replies: z
    .object({
      arabicGender: z
        .enum(ARABIC_GENDERS)
        .default('feminine')
        .title('Arabic: address the customer as')
        .describe(
          'Arabic has a feminine and a masculine "you": every Arabic reply keeps the one set here. feminine (the default) suits a ladies\' salon or spa, masculine a barber. Your own Arabic messages below are used as you write them.',
        ),
    })
    .strict()
    .default({})
    .title('Replies')
    .describe('How the bot words its replies.'),
  templates: z
    .object({ en: templatesForLanguage('en'), ar: templatesForLanguage('ar'), es: templatesForLanguage('es') })
    .strict()
    .default({})
    .title('Messages')
    .describe('Every customer-facing message, per language.'),
})
  .strict();

export type Configuration = z.infer<typeof configurationSchema>;
export type ConfigurationInput = z.input<typeof configurationSchema>;
