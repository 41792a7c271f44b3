/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import { z } from "@botpress/sdk";
export const configuration = {
  schema: z
    .object({
      provider: z.default(
        z
          .object({
            baseUrl: z.optional(
              z
                .string()
                .url(undefined)
                .describe(
                  "Base URL of the Nail It API, e.g. https://api.example.com/nailit (or of the provider simulator, which speaks the same API). Required.",
                ),
            ),
            token: z.optional(
              z
                .string()
                .describe("Sent as a bearer token on every provider call."),
            ),
            timeoutMs: z.default(
              z
                .number()
                .int(undefined)
                .min(500, undefined)
                .max(60000, undefined)
                .describe("Per call, before it counts as a timeout."),
              8000,
            ),
          })
          .catchall(z.never())
          .title("Booking provider")
          .describe("The booking system that holds the real calendar."),
        {},
      ),
      databaseUrl: z.optional(
        z
          .string()
          .title("Database URL")
          .secret()
          .describe(
            "postgresql:// URL of the database holding the catalog copy, conversations and bookings (Neon, Supabase, RDS, …); migrations run on first use. Required on Botpress Cloud; the local host fills it with its own database.",
          ),
      ),
      business: z
        .object({
          id: z
            .string()
            .min(1, undefined)
            .title("Business id")
            .describe(
              'Stable id of the business (tenant) in the database, e.g. \"pearl-spa\".',
            ),
          name: z
            .string()
            .min(1, undefined)
            .title("Business name")
            .describe("Shown to customers in greetings."),
          country: z
            .string()
            .title("Country")
            .describe(
              "ISO 3166 code, e.g. KW or MX: used to read local phone numbers.",
            ),
          currency: z
            .string()
            .title("Currency")
            .describe("ISO 4217 code, e.g. KWD or MXN."),
          timezone: z
            .string()
            .title("Time zone")
            .describe(
              "IANA zone, e.g. Asia/Kuwait. Each location may have its own; this one schedules the sync.",
            ),
          languages: z.default(
            z
              .array(z.enum(["en", "ar", "es"]))
              .min(1, undefined)
              .title("Languages")
              .describe(
                "Languages the bot answers in; the first is used until the customer writes in another.",
              ),
            ["en"],
          ),
        })
        .catchall(z.never())
        .title("Business")
        .describe("The business this bot books for."),
      booking: z.default(
        z
          .object({
            requireEmail: z.default(
              z
                .boolean()
                .describe(
                  "Whether the bot asks for an email address before booking.",
                ),
              true,
            ),
            deadlineMs: z.default(
              z
                .number()
                .int(undefined)
                .min(1000, undefined)
                .max(120000, undefined)
                .describe(
                  "How long to keep retrying the provider for one confirmation before apologising and offering a human.",
                ),
              20000,
            ),
            reconcileMinutes: z.default(
              z
                .number()
                .int(undefined)
                .min(1, undefined)
                .max(59, undefined)
                .describe(
                  "Minutes between runs of the booking reconciler: it settles bookings whose outcome is unknown (the provider did not answer in time, or a crash) with the provider and tells each customer the payment link or that it did not go through, once. On Botpress Cloud the plugin looks every 5 minutes whether it is due.",
                ),
              1,
            ),
          })
          .catchall(z.never())
          .title("Booking")
          .describe("How bookings are taken."),
        {},
      ),
      sync: z.default(
        z
          .object({
            fullSyncCron: z.default(
              z
                .string()
                .describe(
                  "Cron expression, in the business time zone, of the full catalog sync. On Botpress Cloud the plugin looks every 5 minutes whether it is due.",
                ),
              "0 3 * * *",
            ),
            slotRefreshMinutes: z.default(
              z
                .number()
                .int(undefined)
                .min(1, undefined)
                .max(59, undefined)
                .describe(
                  "Minutes between refreshes of the free time slots. On Botpress Cloud the plugin looks every 5 minutes whether it is due.",
                ),
              20,
            ),
            slotDays: z.default(
              z
                .number()
                .int(undefined)
                .min(1, undefined)
                .max(90, undefined)
                .describe("How many days ahead free time slots are copied."),
              14,
            ),
          })
          .catchall(z.never())
          .title("Catalog sync")
          .describe(
            "When the copy of the catalog is refreshed from the provider.",
          ),
        {},
      ),
      reminders: z.default(
        z
          .object({
            enabled: z.default(
              z
                .boolean()
                .describe(
                  "Remind customers of their confirmed bookings on the chat they booked in.",
                ),
              true,
            ),
            offsetsHours: z.default(
              z
                .array(z.number().min(0.25, undefined).max(168, undefined))
                .max(5, undefined)
                .describe(
                  "When to remind, in hours before the booking starts, e.g. [24, 2]. A booking made later than a reminder\'s time gets only the later ones.",
                ),
              [24, 2],
            ),
            quietHoursStart: z.default(
              z
                .string()
                .regex(/^([01]\d|2[0-3]):[0-5]\d$/, undefined)
                .describe(
                  "Local time (business time zone) from which no reminder is sent; one that falls in quiet hours goes out before them instead.",
                ),
              "21:00",
            ),
            quietHoursEnd: z.default(
              z
                .string()
                .regex(/^([01]\d|2[0-3]):[0-5]\d$/, undefined)
                .describe(
                  "Local time at which quiet hours end. Equal to the start: no quiet hours.",
                ),
              "09:00",
            ),
          })
          .catchall(z.never())
          .title("Reminders")
          .describe(
            "Messages before each confirmed booking, from the reminder templates; also emitted as the reminderDue event (for an approved WhatsApp template on the official integration).",
          ),
        {},
      ),
      followUp: z.default(
        z
          .object({
            returningCustomers: z.default(
              z
                .boolean()
                .describe(
                  "A customer this business knows by the number their channel gives is greeted by name, in the language they last wrote in, and offered their last booking again as one choice.",
                ),
              true,
            ),
            nudgeAfterHours: z.default(
              z
                .number()
                .min(0.25, undefined)
                .max(72, undefined)
                .describe(
                  "A booking left half-made this long gets one message with what was chosen so far.",
                ),
              2,
            ),
            expireAfterHours: z.default(
              z
                .number()
                .min(1, undefined)
                .max(720, undefined)
                .describe(
                  "After this long the half-made booking is dropped: the next message starts afresh, with the old choice offered as one option (its time is never assumed still free).",
                ),
              24,
            ),
          })
          .catchall(z.never())
          .title("Follow-up")
          .describe("Returning customers and abandoned chats."),
        {},
      ),
      owners: z.default(
        z
          .object({
            numbers: z.default(
              z
                .array(z.string().regex(/^\+\d{7,15}$/, undefined))
                .max(10, undefined)
                .describe(
                  "WhatsApp numbers (E.164) told about each new booking, cancellation, reschedule and handoff request, and sent each branch\'s morning schedule. Empty: none (the Botpress events still go out).",
                ),
              [],
            ),
            notify: z.default(
              z
                .array(
                  z.enum(["booking", "cancellation", "reschedule", "handoff"]),
                )
                .describe("Which happenings are sent to the owner numbers."),
              ["booking", "cancellation", "reschedule", "handoff"],
            ),
            morningSchedule: z.default(
              z
                .boolean()
                .describe(
                  "Each morning, per branch, the day\'s bookings by staff member.",
                ),
              true,
            ),
            morningScheduleTime: z.default(
              z
                .string()
                .regex(/^([01]\d|2[0-3]):[0-5]\d$/, undefined)
                .describe(
                  "Local time at each branch when its schedule is sent (once a day; later that day if nothing ran then).",
                ),
              "08:00",
            ),
            language: z.optional(
              z
                .enum(["en", "ar", "es"])
                .describe(
                  "Language of the owner messages; default: the business\'s first language.",
                ),
            ),
            integration: z.default(
              z
                .string()
                .min(1, undefined)
                .describe(
                  "The integration owner messages are sent through (the WhatsApp bridge or integration). On Botpress Cloud the ownerNotification event carries the same text for an approved template.",
                ),
              "whatsapp",
            ),
          })
          .catchall(z.never())
          .title("Owner notifications")
          .describe(
            "What the owners hear about, on WhatsApp and as the ownerNotification event.",
          ),
        {},
      ),
      handoff: z.default(
        z
          .object({
            enabled: z.default(
              z
                .boolean()
                .describe(
                  "Hand the conversation to a person on request, after repeated failures, or when the provider is down. The bot then stays silent until the releaseHandoff action gives it back.",
                ),
              true,
            ),
          })
          .catchall(z.never())
          .title("Handoff")
          .describe("Talking to a human."),
        {},
      ),
      channels: z.default(
        z
          .object({
            chatProfileSecret: z.optional(
              z
                .string()
                .min(16, undefined)
                .describe(
                  "When `bookwell whatsapp` forwards to this bot through the Chat integration: the same secret (16 characters or more) as its --chat-profile-secret (with this bot\'s id as its --botpress-bot-id). The customer number in a Chat user profile is used only when signed with it for this bot in the last 24 hours; without it the bot asks for the number.",
                ),
            ),
          })
          .catchall(z.never())
          .title("Channels")
          .describe("How customers reach the bot."),
        {},
      ),
      synonyms: z.default(
        z
          .record(z.string(), z.array(z.string().min(1, undefined)))
          .title("Synonyms")
          .describe(
            'Extra words customers use, per location, service or staff id, e.g. { \"SVC-101\": [\"mani\", \"عادي\"], \"STF-01\": [\"سارة\"] }. Added to the built-in ones.',
          ),
        {},
      ),
      systemPrompt: z.default(
        z
          .string()
          .title("System prompt")
          .describe(
            "The owner\'s instructions to the AI model (used only when an LLM is configured and its mode is not off): tone, what to say and not to say. {business} is the business name. The booking flow never depends on it: prices, times, staff and bookings always come from the catalog.",
          ),
        "You are the friendly booking assistant of {business}. Answer briefly and warmly. When you are not sure, say that the team will confirm.",
      ),
      businessFacts: z.default(
        z
          .string()
          .title("Business facts")
          .describe(
            "Facts the AI model may use to answer questions the catalog cannot: parking, payment methods, children, products used, health questions… Plain text. Used only when an LLM is configured.",
          ),
        "",
      ),
      llm: z.default(
        z
          .object({
            baseUrl: z.optional(
              z
                .string()
                .url(undefined)
                .describe(
                  "OpenAI-compatible base URL, e.g. https://api.openai.com/v1, https://api.moonshot.ai/v1, https://api.deepseek.com/v1 or a vLLM server\'s http://host:8000/v1.",
                ),
            ),
            apiKey: z.optional(
              z
                .string()
                .describe(
                  "Key for the LLM endpoint (sent as a bearer token). A local server may need none.",
                ),
            ),
            model: z.optional(
              z
                .string()
                .min(1, undefined)
                .describe(
                  "Model name, e.g. gpt-4o-mini, kimi-k2-0905-preview, deepseek-chat.",
                ),
            ),
            mode: z.default(
              z
                .enum(["off", "fallback", "always"])
                .describe(
                  "off: rules only. fallback: one model call when the rules leave a message unexplained (and for questions the catalog cannot answer). always: one model call on every message (for comparison; costs more).",
                ),
              "off",
            ),
            timeoutMs: z.default(
              z
                .number()
                .int(undefined)
                .min(500, undefined)
                .max(60000, undefined)
                .describe(
                  "Per model call; one retry at most. On a timeout or any failure the bot goes on with its rules, unnoticed by the customer.",
                ),
              8000,
            ),
          })
          .catchall(z.never())
          .title("LLM (optional)")
          .describe(
            "An OpenAI-compatible model that understands what the rules miss and answers what the catalog cannot. Off by default: the bot works fully on rules.",
          ),
        {},
      ),
      replies: z.default(
        z
          .object({
            arabicGender: z.default(
              z
                .enum(["feminine", "masculine"])
                .describe(
                  'Arabic has a feminine and a masculine "you": every Arabic reply keeps the one set here. feminine (the default) suits a ladies\' salon or spa, masculine a barber. Your own Arabic messages below are used as you write them.',
                ),
              "feminine",
            ),
          })
          .catchall(z.never())
          .title("Replies")
          .describe("How the bot words its replies."),
        {},
      ),
      templates: z.default(
        z
          .object({
            en: z.optional(
              z
                .object({
                  greeting: z.optional(
                    z.string().describe("Default: Hi! Welcome to {business}."),
                  ),
                  summary: z.optional(
                    z.string().describe("Default: So far: {items}"),
                  ),
                  sep: z.optional(z.string().describe("Default: , ")),
                  or: z.optional(z.string().describe("Default:  or ")),
                  and: z.optional(z.string().describe("Default:  and ")),
                  anyone: z.optional(z.string().describe("Default: anyone")),
                  item_with_staff: z.optional(
                    z.string().describe("Default: {service} with {staff}"),
                  ),
                  item_at: z.optional(
                    z.string().describe("Default: {item} {at}"),
                  ),
                  list_item: z.optional(
                    z.string().describe("Default: {n}. {label}"),
                  ),
                  ask_location: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Which branch would you like: {options}?",
                      ),
                  ),
                  ask_location_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, I couldn\'t match that to one of our branches. We\'re at {options}. Which one suits you?",
                      ),
                  ),
                  ask_location_list: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Please reply with the number of the branch:\n{list}",
                      ),
                  ),
                  ask_services: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: What would you like to book? For example {options}.",
                      ),
                  ),
                  ask_services_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, I couldn\'t find that service at {location}. We offer, for example, {options}. Which would you like?",
                      ),
                  ),
                  ask_services_list: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Please reply with the number of the service:\n{list}",
                      ),
                  ),
                  ask_staff: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Who would you like for {services}: {options}?",
                      ),
                  ),
                  ask_staff_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, I need someone who does {services} at {location}. You can pick {options}.",
                      ),
                  ),
                  ask_staff_list: z.optional(
                    z
                      .string()
                      .describe("Default: Please reply with a number:\n{list}"),
                  ),
                  ask_time: z.optional(
                    z
                      .string()
                      .describe("Default: What day and time would suit you?"),
                  ),
                  ask_time_date: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: What time on {date}? Free times include {options}.",
                      ),
                  ),
                  ask_time_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Here are some free times: {options}. Which one would you like?",
                      ),
                  ),
                  ask_time_list: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Please reply with the number of the time you would like:\n{list}",
                      ),
                  ),
                  ask_time_none: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, I can\'t see any free time for that in the coming week. Would another day suit you?",
                      ),
                  ),
                  ask_time_next_day: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: The next day with free times is {date}: {options}. Which time would you like?",
                      ),
                  ),
                  ask_name: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: What name should I put the booking under?",
                      ),
                  ),
                  ask_name_profile: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Shall I put the booking under {profile}, or another name?",
                      ),
                  ),
                  ask_name_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, I didn\'t get your name. Please type just your name, for example Sara Ahmed.",
                      ),
                  ),
                  ask_phone: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: What phone number can we reach you on?",
                      ),
                  ),
                  ask_phone_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: That doesn\'t look like a phone number. Please send it with the country code, for example {example}.",
                      ),
                  ),
                  ask_email: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: What email address should the confirmation go to?",
                      ),
                  ),
                  ask_email_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: That doesn\'t look like an email address. Please send it like name@example.com.",
                      ),
                  ),
                  ask_confirm: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Here is your booking:\n{details}\nShall I book it?",
                      ),
                  ),
                  ask_confirm_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Please reply yes to book it, or no to change something.",
                      ),
                  ),
                  ask_change: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: No problem. What would you like to change?",
                      ),
                  ),
                  confirmed: z.optional(
                    z.string().describe("Default: Great, I\'m booking it now."),
                  ),
                  booked: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Booked! {details}\nPay here to secure it: {link}",
                      ),
                  ),
                  booked_again: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: That booking is already made. Your payment link: {link}",
                      ),
                  ),
                  booking_was_cancelled: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: That booking has been cancelled, so there is nothing to pay. Would you like to book again? Tell me what you\'d like.",
                      ),
                  ),
                  slot_taken: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, {time} was just taken. The nearest free times are {options}. Which would you like?",
                      ),
                  ),
                  slot_taken_none: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, {time} was just taken and I cannot see another free time soon. Would another day suit you?",
                      ),
                  ),
                  provider_down: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, our booking system is not answering right now, so nothing was booked. A colleague will get back to you here shortly.",
                      ),
                  ),
                  booking_failed: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, I could not make that booking, and nothing was charged. A colleague will get back to you here shortly.",
                      ),
                  ),
                  booking_unknown: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: I\'m still confirming your booking with the salon. I\'ll message you here as soon as I know.",
                      ),
                  ),
                  booking_confirmed_later: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Good news: your booking is confirmed. Pay here to secure it: {link}",
                      ),
                  ),
                  booking_not_made: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, the salon could not take that booking, so nothing was booked and you owe nothing. Reply here if you\'d like to try again, or ask for a colleague.",
                      ),
                  ),
                  line_item: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: • {when}: {service} with {staff} ({price})",
                      ),
                  ),
                  line_location: z.optional(
                    z.string().describe("Default: Branch: {value}"),
                  ),
                  line_total: z.optional(
                    z.string().describe("Default: Total: {value}"),
                  ),
                  line_name: z.optional(
                    z.string().describe("Default: Name: {value}"),
                  ),
                  line_phone: z.optional(
                    z.string().describe("Default: Phone: {value}"),
                  ),
                  line_email: z.optional(
                    z.string().describe("Default: Email: {value}"),
                  ),
                  note_time_unavailable: z.optional(
                    z.string().describe("Default: Sorry, {when} is not free."),
                  ),
                  note_alternatives: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: The nearest free times are {options}.",
                      ),
                  ),
                  note_location_closed: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, {location} is closed on {date}.",
                      ),
                  ),
                  note_next_day: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: The next day with free times is {date}: {options}.",
                      ),
                  ),
                  note_staff_off: z.optional(
                    z
                      .string()
                      .describe("Default: {staff} is off on {weekdays}."),
                  ),
                  note_staff_busy: z.optional(
                    z
                      .string()
                      .describe("Default: {staff} has no free time on {date}."),
                  ),
                  note_staff_others: z.optional(
                    z
                      .string()
                      .describe("Default: On {date} you could have {others}."),
                  ),
                  note_day_full: z.optional(
                    z
                      .string()
                      .describe("Default: Sorry, {date} is fully booked."),
                  ),
                  note_day_nobody: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, no one does {services} at {location} on {weekdays}.",
                      ),
                  ),
                  note_service_time: z.optional(
                    z.string().describe("Default: {service} now {at}."),
                  ),
                  note_service_time_kept: z.optional(
                    z.string().describe("Default: {service} stays {at}."),
                  ),
                  note_service_time_unavailable: z.optional(
                    z
                      .string()
                      .describe("Default: Sorry, {service} {at} is not free."),
                  ),
                  note_time_past: z.optional(
                    z.string().describe("Default: {when} has already passed."),
                  ),
                  note_service_not_at_location: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {services} is not offered at {location}.",
                      ),
                  ),
                  note_services_dropped: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {services} is not offered at {location}, so I\'ve taken it off.",
                      ),
                  ),
                  note_staff_not_at_location: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {staff} works at {other}, not at {location}.",
                      ),
                  ),
                  note_staff_cannot_do: z.optional(
                    z
                      .string()
                      .describe("Default: {staff} doesn\'t do {services}."),
                  ),
                  note_no_email: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: No problem, you don\'t need one: I\'ll confirm everything here in the chat.",
                      ),
                  ),
                  note_services_added: z.optional(
                    z.string().describe("Default: Added {added}."),
                  ),
                  note_services_removed: z.optional(
                    z.string().describe("Default: I\'ve taken off {removed}."),
                  ),
                  note_services_replaced: z.optional(
                    z
                      .string()
                      .describe("Default: {added} instead of {removed}."),
                  ),
                  note_truncated: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Your message was very long, so I only read the beginning.",
                      ),
                  ),
                  note_restart: z.optional(
                    z.string().describe("Default: Sure, let\'s start over."),
                  ),
                  thanks_reply: z.optional(
                    z
                      .string()
                      .describe("Default: You\'re welcome! See you soon."),
                  ),
                  thanks_pending: z.optional(
                    z.string().describe("Default: You\'re welcome!"),
                  ),
                  invalid_input: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, I couldn\'t read that message.",
                      ),
                  ),
                  only_text: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, I can only read text messages. Please type what you would like.",
                      ),
                  ),
                  handoff: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: I\'ll ask a member of our team to help you. They will reply here shortly.",
                      ),
                  ),
                  handoff_pending: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: A member of our team will reply here shortly. You can also say \'start over\' to book again.",
                      ),
                  ),
                  no_catalog: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, I can\'t see our branches and services right now, so I can\'t take a booking here at the moment. A member of our team will help you here shortly.",
                      ),
                  ),
                  ask_team: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: I\'m not sure about that, so I\'ll ask the team. If you\'d like a person to help you now, just say \'talk to a person\'.",
                      ),
                  ),
                  booking_label: z.optional(
                    z
                      .string()
                      .describe("Default: {services} at {location}, {when}"),
                  ),
                  my_bookings: z.optional(
                    z
                      .string()
                      .describe("Default: Your upcoming bookings:\n{list}"),
                  ),
                  my_booking_line: z.optional(
                    z.string().describe("Default: • {booking} ({status})"),
                  ),
                  my_booking_pay: z.optional(
                    z.string().describe("Default:   Payment link: {link}"),
                  ),
                  status_confirmed: z.optional(
                    z.string().describe("Default: confirmed"),
                  ),
                  status_pending: z.optional(
                    z.string().describe("Default: being confirmed"),
                  ),
                  my_bookings_none: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: You don\'t have any upcoming bookings with us.",
                      ),
                  ),
                  my_bookings_hint: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: To change one, just say cancel or reschedule.",
                      ),
                  ),
                  ask_booking_cancel: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Which booking would you like to cancel? Please reply with its number:\n{list}",
                      ),
                  ),
                  ask_booking_reschedule: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Which booking would you like to move? Please reply with its number:\n{list}",
                      ),
                  ),
                  ask_booking_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, I couldn\'t tell which booking you mean. Please reply with its number:\n{list}",
                      ),
                  ),
                  ask_confirm_cancel: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Shall I cancel your booking: {booking}?",
                      ),
                  ),
                  ask_confirm_cancel_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Please reply yes to cancel {booking}, or no to keep it.",
                      ),
                  ),
                  cancel_kept: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: OK, I\'ve kept your booking. Anything else I can help with?",
                      ),
                  ),
                  cancelled: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Done: your booking {booking} is cancelled. Would you like to book something else?",
                      ),
                  ),
                  cancel_failed: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, our booking system is not answering right now, so your booking was not cancelled. A colleague will get back to you here shortly.",
                      ),
                  ),
                  manage_unavailable: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, that booking can no longer be changed here. Anything else I can help with?",
                      ),
                  ),
                  manage_no_identity: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: For your security I can only show, cancel or move bookings for the number you\'re chatting from, and this chat doesn\'t share it with me. Say \'talk to a person\' and a member of our team will help you with it.",
                      ),
                  ),
                  reschedule_intro: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Let\'s move your booking: {booking}.",
                      ),
                  ),
                  ask_reschedule_confirm: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Move your booking?\nFrom: {old}\nTo: {new}\nShall I move it?",
                      ),
                  ),
                  ask_reschedule_confirm_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Please reply yes to move it to {new}, or no to keep your booking as it is.",
                      ),
                  ),
                  reschedule_kept: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: OK, your booking stays as it is: {booking}. Anything else I can help with?",
                      ),
                  ),
                  rescheduled: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Done! Your booking is now {new}, and the one on {old} is cancelled.",
                      ),
                  ),
                  rescheduled_old_kept: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Your new booking is made: {new}. I couldn\'t cancel the one on {old} yet, so a colleague will take care of it.",
                      ),
                  ),
                  pay_link: z.optional(
                    z
                      .string()
                      .describe("Default: Pay here to secure it: {link}"),
                  ),
                  reschedule_failed: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Sorry, I couldn\'t move your booking: our booking system is not answering. Nothing changed, your booking on {old} is kept. A colleague will get back to you here shortly.",
                      ),
                  ),
                  cancelled_by_business: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Your booking {booking} has been cancelled by {business}. Sorry for the inconvenience. Reply here if you would like another time.",
                      ),
                  ),
                  rescheduled_by_business: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {business} has moved your booking: it is now {new} (it was {old}).",
                      ),
                  ),
                  faq_price: z.optional(
                    z.string().describe("Default: Prices:\n{list}"),
                  ),
                  faq_price_line: z.optional(
                    z.string().describe("Default: {service}: {price}"),
                  ),
                  faq_duration: z.optional(
                    z.string().describe("Default: How long it takes:\n{list}"),
                  ),
                  faq_duration_line: z.optional(
                    z.string().describe("Default: {service}: {minutes} min"),
                  ),
                  faq_hours: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Opening hours at {location}:\n{hours}",
                      ),
                  ),
                  faq_hours_line: z.optional(
                    z.string().describe("Default: {days}: {range}"),
                  ),
                  closed: z.optional(z.string().describe("Default: closed")),
                  faq_address: z.optional(
                    z.string().describe("Default: {location}: {address}"),
                  ),
                  faq_services: z.optional(
                    z
                      .string()
                      .describe("Default: Our services at {location}:\n{list}"),
                  ),
                  faq_services_all: z.optional(
                    z.string().describe("Default: Our services:\n{list}"),
                  ),
                  faq_services_line: z.optional(
                    z.string().describe("Default: {service} ({price})"),
                  ),
                  reminder: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Hi {name}, a reminder of your booking: {booking}.\nReply confirm to confirm, cancel to cancel, or move to change the time.",
                      ),
                  ),
                  reminder_confirmed: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Thank you, your booking is confirmed: {booking}. See you then!",
                      ),
                  ),
                  owner_booking: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: New booking: {booking}\nCustomer: {customer}",
                      ),
                  ),
                  owner_cancellation: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Cancelled: {booking}\nCustomer: {customer}",
                      ),
                  ),
                  owner_reschedule: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Moved: {booking}\n(was {old})\nCustomer: {customer}",
                      ),
                  ),
                  owner_handoff: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: A customer needs a person: {customer}\n{summary}",
                      ),
                  ),
                  owner_schedule: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {location}, {date}: {count} bookings\n{list}",
                      ),
                  ),
                  owner_schedule_staff: z.optional(
                    z.string().describe("Default: {staff}:"),
                  ),
                  owner_schedule_line: z.optional(
                    z
                      .string()
                      .describe("Default:   {time} {services} — {customer}"),
                  ),
                  greeting_returning: z.optional(
                    z
                      .string()
                      .describe("Default: Welcome back to {business}, {name}!"),
                  ),
                  same_as_last: z.optional(
                    z
                      .string()
                      .describe(
                        'Default: Same as last time: {choice}? Reply \"same\" for that.',
                      ),
                  ),
                  choice_label: z.optional(
                    z.string().describe("Default: {services} at {location}"),
                  ),
                  nudge: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Still there? So far: {summary}\nReply here to carry on. Nothing is held until you confirm.",
                      ),
                  ),
                  resume_offer: z.optional(
                    z
                      .string()
                      .describe(
                        'Default: Last time you were booking: {summary}\nReply \"continue\" to pick up from there.',
                      ),
                  ),
                })
                .catchall(z.never())
                .describe(
                  "Overrides of the English replies. Leave a field empty to keep the default. {placeholders} are filled in by the bot.",
                ),
            ),
            ar: z.optional(
              z
                .object({
                  greeting: z.optional(
                    z
                      .string()
                      .describe("Default: هلا والله! حياج في {business}."),
                  ),
                  summary: z.optional(
                    z.string().describe("Default: اخترت لين الحين: {items}"),
                  ),
                  sep: z.optional(z.string().describe("Default: ، ")),
                  or: z.optional(z.string().describe("Default:  أو ")),
                  and: z.optional(z.string().describe("Default:  و")),
                  anyone: z.optional(z.string().describe("Default: أي موظفة")),
                  item_with_staff: z.optional(
                    z.string().describe("Default: {service} مع {staff}"),
                  ),
                  item_at: z.optional(
                    z.string().describe("Default: {item} {at}"),
                  ),
                  list_item: z.optional(
                    z.string().describe("Default: {n}. {label}"),
                  ),
                  ask_location: z.optional(
                    z.string().describe("Default: أي فرع يناسبك: {options}؟"),
                  ),
                  ask_location_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، ما قدرت أعرف الفرع. فروعنا: {options}. أي واحد يناسبك؟",
                      ),
                  ),
                  ask_location_list: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ردي علي برقم الفرع لو سمحتي:\n{list}",
                      ),
                  ),
                  ask_services: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: شنو الخدمة اللي تبينها؟ مثلاً {options}.",
                      ),
                  ),
                  ask_services_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، ما لقيت هالخدمة في {location}. عندنا مثلاً {options}. شنو تبين؟",
                      ),
                  ),
                  ask_services_list: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ردي علي برقم الخدمة لو سمحتي:\n{list}",
                      ),
                  ),
                  ask_staff: z.optional(
                    z
                      .string()
                      .describe("Default: منو تبين لـ {services}: {options}؟"),
                  ),
                  ask_staff_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، أحتاج موظفة تسوي {services} في {location}. تقدرين تختارين {options}.",
                      ),
                  ),
                  ask_staff_list: z.optional(
                    z
                      .string()
                      .describe("Default: ردي علي بالرقم لو سمحتي:\n{list}"),
                  ),
                  ask_time: z.optional(
                    z.string().describe("Default: أي يوم وأي ساعة تناسبك؟"),
                  ),
                  ask_time_date: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: أي ساعة يوم {date}؟ من الأوقات المتاحة: {options}.",
                      ),
                  ),
                  ask_time_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: هذي بعض الأوقات المتاحة: {options}. أي واحد تبين؟",
                      ),
                  ),
                  ask_time_list: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ردي علي برقم الوقت اللي تبينه لو سمحتي:\n{list}",
                      ),
                  ),
                  ask_time_none: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، ما في وقت متاح لهالخدمة خلال الأسبوع الجاي. يناسبك يوم ثاني؟",
                      ),
                  ),
                  ask_time_next_day: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: أقرب يوم فيه أوقات متاحة هو {date}: {options}. أي وقت تبين؟",
                      ),
                  ),
                  ask_name: z.optional(
                    z.string().describe("Default: باسم منو أسجل الحجز؟"),
                  ),
                  ask_name_profile: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: أسجل الحجز باسم {profile} ولا باسم ثاني؟",
                      ),
                  ),
                  ask_name_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، ما فهمت الاسم. اكتبي اسمك بس لو سمحتي، مثلاً سارة أحمد.",
                      ),
                  ),
                  ask_phone: z.optional(
                    z.string().describe("Default: شنو رقم تلفونك للتواصل؟"),
                  ),
                  ask_phone_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: هذا ما يبين رقم تلفون. أرسليه مع مفتاح الدولة، مثلاً {example}.",
                      ),
                  ),
                  ask_email: z.optional(
                    z
                      .string()
                      .describe("Default: شنو إيميلك عشان نرسل لك التأكيد؟"),
                  ),
                  ask_email_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: هذا ما يبين إيميل. أرسليه بهالشكل name@example.com.",
                      ),
                  ),
                  ask_confirm: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: هذي تفاصيل حجزك:\n{details}\nأأكد الحجز؟",
                      ),
                  ),
                  ask_confirm_retry: z.optional(
                    z
                      .string()
                      .describe(
                        'Default: ردي بـ \"إي\" عشان أأكد الحجز، أو \"لا\" عشان تغيرين شي.',
                      ),
                  ),
                  ask_change: z.optional(
                    z.string().describe("Default: ولا يهمك. شنو تبين تغيرين؟"),
                  ),
                  confirmed: z.optional(
                    z
                      .string()
                      .describe("Default: تمام، قاعد أأكد الحجز الحين."),
                  ),
                  booked: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: تم الحجز! {details}\nادفعي من هني عشان نثبت الموعد: {link}",
                      ),
                  ),
                  booked_again: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: هالحجز موجود من قبل. رابط الدفع: {link}",
                      ),
                  ),
                  booking_was_cancelled: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: هالحجز ملغي، فما في شي للدفع. تبين تحجزين من جديد؟ قولي لي شنو تبين.",
                      ),
                  ),
                  slot_taken: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، موعد {time} انحجز توه. أقرب المواعيد المتاحة: {options}. أي واحد يناسبك؟",
                      ),
                  ),
                  slot_taken_none: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، موعد {time} انحجز توه وما أشوف موعد قريب ثاني. يناسبك يوم ثاني؟",
                      ),
                  ),
                  provider_down: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، نظام الحجز ما يرد الحين وما انحجز شي. بيتواصل وياج أحد من الفريق هني قريب.",
                      ),
                  ),
                  booking_failed: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، ما قدرت أسوي الحجز وما انخصم شي. بيتواصل وياج أحد من الفريق هني قريب.",
                      ),
                  ),
                  booking_unknown: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: قاعد أأكد حجزك مع الصالون، وبراسلك هني أول ما أعرف.",
                      ),
                  ),
                  booking_confirmed_later: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: أبشرك، تأكد حجزك! ادفعي من هني عشان نثبت الموعد: {link}",
                      ),
                  ),
                  booking_not_made: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، الصالون ما قدر ياخذ هالحجز، فما انحجز شي وما عليج شي. ردي علي هني إذا تبين نحاول مرة ثانية، أو اطلبي أحد من الفريق.",
                      ),
                  ),
                  line_item: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: • {when}: {service} مع {staff} ({price})",
                      ),
                  ),
                  line_location: z.optional(
                    z.string().describe("Default: الفرع: {value}"),
                  ),
                  line_total: z.optional(
                    z.string().describe("Default: المجموع: {value}"),
                  ),
                  line_name: z.optional(
                    z.string().describe("Default: الاسم: {value}"),
                  ),
                  line_phone: z.optional(
                    z.string().describe("Default: التلفون: {value}"),
                  ),
                  line_email: z.optional(
                    z.string().describe("Default: الإيميل: {value}"),
                  ),
                  note_time_unavailable: z.optional(
                    z.string().describe("Default: آسفين، {when} مو متاح."),
                  ),
                  note_alternatives: z.optional(
                    z
                      .string()
                      .describe("Default: أقرب الأوقات المتاحة: {options}."),
                  ),
                  note_location_closed: z.optional(
                    z
                      .string()
                      .describe("Default: آسفين، {location} مسكر يوم {date}."),
                  ),
                  note_next_day: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: أقرب يوم فيه أوقات متاحة هو {date}: {options}.",
                      ),
                  ),
                  note_staff_off: z.optional(
                    z
                      .string()
                      .describe("Default: يوم {weekdays} إجازة {staff}."),
                  ),
                  note_staff_busy: z.optional(
                    z
                      .string()
                      .describe("Default: ما عند {staff} وقت فاضي يوم {date}."),
                  ),
                  note_staff_others: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: يوم {date} تقدرين تحجزين مع {others}.",
                      ),
                  ),
                  note_day_full: z.optional(
                    z
                      .string()
                      .describe("Default: آسفين، يوم {date} محجوز بالكامل."),
                  ),
                  note_day_nobody: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، ما في أحد يسوي {services} في {location} يوم {weekdays}.",
                      ),
                  ),
                  note_service_time: z.optional(
                    z.string().describe("Default: {service} صار {at}."),
                  ),
                  note_service_time_kept: z.optional(
                    z.string().describe("Default: {service} باقي {at}."),
                  ),
                  note_service_time_unavailable: z.optional(
                    z
                      .string()
                      .describe("Default: آسفين، {service} {at} مو متاح."),
                  ),
                  note_time_past: z.optional(
                    z.string().describe("Default: {when} راح وقته."),
                  ),
                  note_service_not_at_location: z.optional(
                    z
                      .string()
                      .describe("Default: {services} مو متوفرة في {location}."),
                  ),
                  note_services_dropped: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {services} مو متوفرة في {location}، فشلتها من الحجز.",
                      ),
                  ),
                  note_staff_not_at_location: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {staff} تشتغل في {other}، مو في {location}.",
                      ),
                  ),
                  note_staff_cannot_do: z.optional(
                    z.string().describe("Default: {staff} ما تسوي {services}."),
                  ),
                  note_no_email: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ولا يهمك، مو لازم إيميل: بأكد لج كل شي هني في المحادثة.",
                      ),
                  ),
                  note_services_added: z.optional(
                    z.string().describe("Default: ضفت {added}."),
                  ),
                  note_services_removed: z.optional(
                    z.string().describe("Default: شلت {removed}."),
                  ),
                  note_services_replaced: z.optional(
                    z.string().describe("Default: {added} بدال {removed}."),
                  ),
                  note_truncated: z.optional(
                    z
                      .string()
                      .describe("Default: رسالتك طويلة وايد، فقريت أولها بس."),
                  ),
                  note_restart: z.optional(
                    z.string().describe("Default: أكيد، خلنا نبدأ من جديد."),
                  ),
                  thanks_reply: z.optional(
                    z.string().describe("Default: العفو! نشوفج على خير."),
                  ),
                  thanks_pending: z.optional(
                    z.string().describe("Default: العفو!"),
                  ),
                  invalid_input: z.optional(
                    z
                      .string()
                      .describe("Default: آسفين، ما قدرت أقرا هالرسالة."),
                  ),
                  only_text: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، أقدر أقرا الرسائل النصية بس. اكتبي لي شنو تبين لو سمحتي.",
                      ),
                  ),
                  handoff: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: بخلي وحدة من فريقنا تساعدج، بترد عليج هني قريب.",
                      ),
                  ),
                  handoff_pending: z.optional(
                    z
                      .string()
                      .describe(
                        'Default: وحدة من فريقنا بترد عليج هني قريب. وتقدرين تقولين \"نبدأ من جديد\" عشان تحجزين.',
                      ),
                  ),
                  no_catalog: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، ما أقدر أشوف فروعنا وخدماتنا الحين، فما أقدر أسجل حجز هني في هالوقت. بيساعدك أحد من الفريق هني قريب.",
                      ),
                  ),
                  ask_team: z.optional(
                    z
                      .string()
                      .describe(
                        'Default: ما أعرف أكيد، بسأل الفريق. إذا تبين أحد من فريقنا يساعدك الحين، قولي \"ابي اكلم موظف\".',
                      ),
                  ),
                  booking_label: z.optional(
                    z
                      .string()
                      .describe("Default: {services} في {location}، {when}"),
                  ),
                  my_bookings: z.optional(
                    z.string().describe("Default: مواعيدك الجاية:\n{list}"),
                  ),
                  my_booking_line: z.optional(
                    z.string().describe("Default: • {booking} ({status})"),
                  ),
                  my_booking_pay: z.optional(
                    z.string().describe("Default:   رابط الدفع: {link}"),
                  ),
                  status_confirmed: z.optional(
                    z.string().describe("Default: مؤكد"),
                  ),
                  status_pending: z.optional(
                    z.string().describe("Default: قاعد يتأكد"),
                  ),
                  my_bookings_none: z.optional(
                    z
                      .string()
                      .describe("Default: ما عندج أي مواعيد جاية عندنا."),
                  ),
                  my_bookings_hint: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: إذا تبين تغيرين موعد، قولي إلغاء أو تغيير الموعد.",
                      ),
                  ),
                  ask_booking_cancel: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: أي موعد تبين تلغينه؟ ردي برقمه لو سمحتي:\n{list}",
                      ),
                  ),
                  ask_booking_reschedule: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: أي موعد تبين تغيرينه؟ ردي برقمه لو سمحتي:\n{list}",
                      ),
                  ),
                  ask_booking_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، ما عرفت أي موعد تقصدين. ردي برقم الموعد لو سمحتي:\n{list}",
                      ),
                  ),
                  ask_confirm_cancel: z.optional(
                    z.string().describe("Default: ألغي موعدك: {booking}؟"),
                  ),
                  ask_confirm_cancel_retry: z.optional(
                    z
                      .string()
                      .describe(
                        'Default: ردي بـ \"إي\" عشان ألغي {booking}، أو \"لا\" عشان يبقى.',
                      ),
                  ),
                  cancel_kept: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: تمام، خليت موعدك مثل ما هو. تبين شي ثاني؟",
                      ),
                  ),
                  cancelled: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: تم، موعدك {booking} انلغى. تبين تحجزين شي ثاني؟",
                      ),
                  ),
                  cancel_failed: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، نظام الحجز ما يرد الحين، فموعدك ما انلغى. بيتواصل وياج أحد من الفريق هني قريب.",
                      ),
                  ),
                  manage_unavailable: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، هالموعد ما يمديني أغيره من هني. تبين شي ثاني؟",
                      ),
                  ),
                  manage_no_identity: z.optional(
                    z
                      .string()
                      .describe(
                        'Default: عشان أمانج، أقدر أعرض أو ألغي أو أغير المواعيد بس للرقم اللي تكلميني منه، وهالمحادثة ما توضح لي رقمج. قولي \"أبي أكلم موظفة\" وبتساعدج وحدة من فريقنا.',
                      ),
                  ),
                  reschedule_intro: z.optional(
                    z
                      .string()
                      .describe("Default: خلينا نغير موعدك: {booking}."),
                  ),
                  ask_reschedule_confirm: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: أغير موعدك؟\nمن: {old}\nإلى: {new}\nأأكد التغيير؟",
                      ),
                  ),
                  ask_reschedule_confirm_retry: z.optional(
                    z
                      .string()
                      .describe(
                        'Default: ردي بـ \"إي\" عشان أغيره إلى {new}، أو \"لا\" عشان يبقى موعدك مثل ما هو.',
                      ),
                  ),
                  reschedule_kept: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: تمام، موعدك باقي مثل ما هو: {booking}. تبين شي ثاني؟",
                      ),
                  ),
                  rescheduled: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: تم! موعدك صار {new}، والموعد اللي كان {old} انلغى.",
                      ),
                  ),
                  rescheduled_old_kept: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: انحجز موعدك الجديد: {new}. ما قدرت ألغي الموعد اللي كان {old} للحين، وبيتابعه أحد من الفريق.",
                      ),
                  ),
                  pay_link: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ادفعي من هني عشان نثبت الموعد: {link}",
                      ),
                  ),
                  reschedule_failed: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: آسفين، ما قدرت أغير موعدك لأن نظام الحجز ما يرد. ما تبدل شي، وموعدك {old} باقي. بيتواصل وياج أحد من الفريق هني قريب.",
                      ),
                  ),
                  cancelled_by_business: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: تم إلغاء حجزك {booking} من {business}. نعتذر عن الإزعاج. ردي علينا هني لو تبين موعد ثاني.",
                      ),
                  ),
                  rescheduled_by_business: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {business} غيروا موعد حجزك: صار {new} (كان {old}).",
                      ),
                  ),
                  faq_price: z.optional(
                    z.string().describe("Default: الأسعار:\n{list}"),
                  ),
                  faq_price_line: z.optional(
                    z.string().describe("Default: {service}: {price}"),
                  ),
                  faq_duration: z.optional(
                    z.string().describe("Default: المدة:\n{list}"),
                  ),
                  faq_duration_line: z.optional(
                    z.string().describe("Default: {service}: {minutes} دقيقة"),
                  ),
                  faq_hours: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: مواعيد الدوام في {location}:\n{hours}",
                      ),
                  ),
                  faq_hours_line: z.optional(
                    z.string().describe("Default: {days}: {range}"),
                  ),
                  closed: z.optional(z.string().describe("Default: مسكر")),
                  faq_address: z.optional(
                    z.string().describe("Default: {location}: {address}"),
                  ),
                  faq_services: z.optional(
                    z
                      .string()
                      .describe("Default: خدماتنا في {location}:\n{list}"),
                  ),
                  faq_services_all: z.optional(
                    z.string().describe("Default: خدماتنا:\n{list}"),
                  ),
                  faq_services_line: z.optional(
                    z.string().describe("Default: {service} ({price})"),
                  ),
                  reminder: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: هلا {name}، نذكرك بموعدك: {booking}.\nردي بـ تمام للتأكيد، أو إلغاء للإلغاء، أو تغيير لتغيير الموعد.",
                      ),
                  ),
                  reminder_confirmed: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: شكراً لك، موعدك مؤكد: {booking}. نشوفك على خير!",
                      ),
                  ),
                  owner_booking: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: حجز جديد: {booking}\nالعميل: {customer}",
                      ),
                  ),
                  owner_cancellation: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: انلغى: {booking}\nالعميل: {customer}",
                      ),
                  ),
                  owner_reschedule: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: موعد معدّل: {booking}\n(كان {old})\nالعميل: {customer}",
                      ),
                  ),
                  owner_handoff: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: عميل يبي يكلم موظف: {customer}\n{summary}",
                      ),
                  ),
                  owner_schedule: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {location}، {date}: {count} حجوزات\n{list}",
                      ),
                  ),
                  owner_schedule_staff: z.optional(
                    z.string().describe("Default: {staff}:"),
                  ),
                  owner_schedule_line: z.optional(
                    z
                      .string()
                      .describe("Default:   {time} {services} — {customer}"),
                  ),
                  greeting_returning: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: هلا والله {name}، حياج مرة ثانية في {business}!",
                      ),
                  ),
                  same_as_last: z.optional(
                    z
                      .string()
                      .describe(
                        'Default: نفس المرة اللي فاتت: {choice}؟ ردي بـ \"نفس\" إذا تبين.',
                      ),
                  ),
                  choice_label: z.optional(
                    z.string().describe("Default: {services} في {location}"),
                  ),
                  nudge: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: موجودة؟ اخترت لين الحين: {summary}\nردي هني عشان نكمل. ما ينحجز شي إلا بعد تأكيدج.",
                      ),
                  ),
                  resume_offer: z.optional(
                    z
                      .string()
                      .describe(
                        'Default: آخر مرة كنتي تحجزين: {summary}\nردي بـ \"كمل\" عشان نكمل من هناك.',
                      ),
                  ),
                })
                .catchall(z.never())
                .describe(
                  "Overrides of the Arabic (Gulf) replies. Leave a field empty to keep the default. {placeholders} are filled in by the bot.",
                ),
            ),
            es: z.optional(
              z
                .object({
                  greeting: z.optional(
                    z
                      .string()
                      .describe("Default: ¡Hola! Bienvenido a {business}."),
                  ),
                  summary: z.optional(
                    z.string().describe("Default: Hasta ahora: {items}"),
                  ),
                  sep: z.optional(z.string().describe("Default: , ")),
                  or: z.optional(z.string().describe("Default:  o ")),
                  and: z.optional(z.string().describe("Default:  y ")),
                  anyone: z.optional(
                    z.string().describe("Default: cualquiera"),
                  ),
                  item_with_staff: z.optional(
                    z.string().describe("Default: {service} con {staff}"),
                  ),
                  item_at: z.optional(
                    z.string().describe("Default: {item} {at}"),
                  ),
                  list_item: z.optional(
                    z.string().describe("Default: {n}. {label}"),
                  ),
                  ask_location: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ¿En qué sucursal te gustaría: {options}?",
                      ),
                  ),
                  ask_location_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Perdón, no encontré esa sucursal. Estamos en {options}. ¿Cuál te queda mejor?",
                      ),
                  ),
                  ask_location_list: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Por favor responde con el número de la sucursal:\n{list}",
                      ),
                  ),
                  ask_services: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ¿Qué te gustaría agendar? Por ejemplo {options}.",
                      ),
                  ),
                  ask_services_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Perdón, no encontré ese servicio en {location}. Tenemos, por ejemplo, {options}. ¿Cuál quieres?",
                      ),
                  ),
                  ask_services_list: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Por favor responde con el número del servicio:\n{list}",
                      ),
                  ),
                  ask_staff: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ¿Quién te gustaría que te atienda para {services}: {options}?",
                      ),
                  ),
                  ask_staff_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Perdón, necesito a alguien que haga {services} en {location}. Puedes elegir {options}.",
                      ),
                  ),
                  ask_staff_list: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Por favor responde con un número:\n{list}",
                      ),
                  ),
                  ask_time: z.optional(
                    z
                      .string()
                      .describe("Default: ¿Qué día y a qué hora te gustaría?"),
                  ),
                  ask_time_date: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ¿A qué hora el {date}? Hay lugar, por ejemplo, {options}.",
                      ),
                  ),
                  ask_time_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Estos horarios están libres: {options}. ¿Cuál prefieres?",
                      ),
                  ),
                  ask_time_list: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Por favor responde con el número del horario que prefieras:\n{list}",
                      ),
                  ),
                  ask_time_none: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Perdón, no veo horarios libres para eso en la próxima semana. ¿Te funciona otro día?",
                      ),
                  ),
                  ask_time_next_day: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: El siguiente día con horarios libres es el {date}: {options}. ¿A qué hora te gustaría?",
                      ),
                  ),
                  ask_name: z.optional(
                    z
                      .string()
                      .describe("Default: ¿A nombre de quién hago la reserva?"),
                  ),
                  ask_name_profile: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ¿Hago la reserva a nombre de {profile} o de otra persona?",
                      ),
                  ),
                  ask_name_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Perdón, no entendí tu nombre. Escribe solo tu nombre, por ejemplo Ana López.",
                      ),
                  ),
                  ask_phone: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ¿A qué número de teléfono te podemos contactar?",
                      ),
                  ),
                  ask_phone_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Eso no parece un número de teléfono. Envíalo con lada internacional, por ejemplo {example}.",
                      ),
                  ),
                  ask_email: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ¿A qué correo te enviamos la confirmación?",
                      ),
                  ),
                  ask_email_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Eso no parece un correo. Envíalo así: nombre@ejemplo.com.",
                      ),
                  ),
                  ask_confirm: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Esta es tu reserva:\n{details}\n¿La agendo?",
                      ),
                  ),
                  ask_confirm_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Responde sí para agendarla, o no para cambiar algo.",
                      ),
                  ),
                  ask_change: z.optional(
                    z
                      .string()
                      .describe("Default: Claro. ¿Qué te gustaría cambiar?"),
                  ),
                  confirmed: z.optional(
                    z
                      .string()
                      .describe("Default: ¡Perfecto, la estoy agendando!"),
                  ),
                  booked: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ¡Listo, quedó agendado! {details}\nPaga aquí para asegurarlo: {link}",
                      ),
                  ),
                  booked_again: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Esa cita ya está agendada. Tu liga de pago: {link}",
                      ),
                  ),
                  booking_was_cancelled: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Esa cita fue cancelada, así que no hay nada que pagar. ¿Quieres agendar de nuevo? Dime qué te gustaría.",
                      ),
                  ),
                  slot_taken: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Lo siento, {time} se acaba de ocupar. Los horarios libres más cercanos son {options}. ¿Cuál prefieres?",
                      ),
                  ),
                  slot_taken_none: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Lo siento, {time} se acaba de ocupar y no veo otro horario pronto. ¿Te queda otro día?",
                      ),
                  ),
                  provider_down: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Lo siento, nuestro sistema de citas no responde en este momento y no se agendó nada. Alguien del equipo te escribirá aquí en breve.",
                      ),
                  ),
                  booking_failed: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Lo siento, no pude hacer esa cita y no se cobró nada. Alguien del equipo te escribirá aquí en breve.",
                      ),
                  ),
                  booking_unknown: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Todavía estoy confirmando tu cita con el salón. Te escribo aquí en cuanto sepa.",
                      ),
                  ),
                  booking_confirmed_later: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ¡Buenas noticias! Tu cita quedó confirmada. Paga aquí para asegurarla: {link}",
                      ),
                  ),
                  booking_not_made: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Lo siento, el salón no pudo tomar esa cita, así que no se agendó nada y no debes nada. Respóndeme aquí si quieres intentarlo de nuevo, o pide hablar con alguien del equipo.",
                      ),
                  ),
                  line_item: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: • {when}: {service} con {staff} ({price})",
                      ),
                  ),
                  line_location: z.optional(
                    z.string().describe("Default: Sucursal: {value}"),
                  ),
                  line_total: z.optional(
                    z.string().describe("Default: Total: {value}"),
                  ),
                  line_name: z.optional(
                    z.string().describe("Default: Nombre: {value}"),
                  ),
                  line_phone: z.optional(
                    z.string().describe("Default: Teléfono: {value}"),
                  ),
                  line_email: z.optional(
                    z.string().describe("Default: Correo: {value}"),
                  ),
                  note_time_unavailable: z.optional(
                    z
                      .string()
                      .describe("Default: Perdón, {when} no está disponible."),
                  ),
                  note_alternatives: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Los horarios libres más cercanos son {options}.",
                      ),
                  ),
                  note_location_closed: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Perdón, {location} está cerrado el {date}.",
                      ),
                  ),
                  note_next_day: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: El siguiente día con horarios libres es el {date}: {options}.",
                      ),
                  ),
                  note_staff_off: z.optional(
                    z
                      .string()
                      .describe("Default: {staff} descansa los {weekdays}."),
                  ),
                  note_staff_busy: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {staff} no tiene horarios libres el {date}.",
                      ),
                  ),
                  note_staff_others: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: El {date} te puede atender {others}.",
                      ),
                  ),
                  note_day_full: z.optional(
                    z
                      .string()
                      .describe("Default: Perdón, el {date} ya está lleno."),
                  ),
                  note_day_nobody: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Perdón, nadie hace {services} en {location} los {weekdays}.",
                      ),
                  ),
                  note_service_time: z.optional(
                    z.string().describe("Default: {service} pasa {at}."),
                  ),
                  note_service_time_kept: z.optional(
                    z.string().describe("Default: {service} se queda {at}."),
                  ),
                  note_service_time_unavailable: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Perdón, {service} {at} no está disponible.",
                      ),
                  ),
                  note_time_past: z.optional(
                    z.string().describe("Default: {when} ya pasó."),
                  ),
                  note_service_not_at_location: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {services} no se ofrece en {location}.",
                      ),
                  ),
                  note_services_dropped: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {services} no se ofrece en {location}, así que lo quité.",
                      ),
                  ),
                  note_staff_not_at_location: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {staff} trabaja en {other}, no en {location}.",
                      ),
                  ),
                  note_staff_cannot_do: z.optional(
                    z.string().describe("Default: {staff} no hace {services}."),
                  ),
                  note_no_email: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: No hay problema, no hace falta: te confirmo todo aquí en el chat.",
                      ),
                  ),
                  note_services_added: z.optional(
                    z.string().describe("Default: Agregué {added}."),
                  ),
                  note_services_removed: z.optional(
                    z.string().describe("Default: Quité {removed}."),
                  ),
                  note_services_replaced: z.optional(
                    z
                      .string()
                      .describe("Default: {added} en vez de {removed}."),
                  ),
                  note_truncated: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Tu mensaje era muy largo, así que solo leí el principio.",
                      ),
                  ),
                  note_restart: z.optional(
                    z.string().describe("Default: Claro, empecemos de nuevo."),
                  ),
                  thanks_reply: z.optional(
                    z.string().describe("Default: ¡De nada! Nos vemos pronto."),
                  ),
                  thanks_pending: z.optional(
                    z.string().describe("Default: ¡De nada!"),
                  ),
                  invalid_input: z.optional(
                    z
                      .string()
                      .describe("Default: Perdón, no pude leer ese mensaje."),
                  ),
                  only_text: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Perdón, solo puedo leer mensajes de texto. Escríbeme lo que necesitas, por favor.",
                      ),
                  ),
                  handoff: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Le pediré a alguien de nuestro equipo que te ayude. Te responderá aquí en breve.",
                      ),
                  ),
                  handoff_pending: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Alguien de nuestro equipo te responderá aquí en breve. También puedes decir \'empezar de nuevo\' para agendar.",
                      ),
                  ),
                  no_catalog: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Lo siento, ahora no puedo ver nuestras sucursales ni servicios, así que por el momento no puedo agendar aquí. Alguien del equipo te ayudará aquí en breve.",
                      ),
                  ),
                  ask_team: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: No estoy segura de eso, así que se lo preguntaré al equipo. Si quieres que una persona te ayude ahora, solo di \'hablar con alguien\'.",
                      ),
                  ),
                  booking_label: z.optional(
                    z
                      .string()
                      .describe("Default: {services} en {location}, {when}"),
                  ),
                  my_bookings: z.optional(
                    z.string().describe("Default: Tus próximas citas:\n{list}"),
                  ),
                  my_booking_line: z.optional(
                    z.string().describe("Default: • {booking} ({status})"),
                  ),
                  my_booking_pay: z.optional(
                    z.string().describe("Default:   Liga de pago: {link}"),
                  ),
                  status_confirmed: z.optional(
                    z.string().describe("Default: confirmada"),
                  ),
                  status_pending: z.optional(
                    z.string().describe("Default: por confirmar"),
                  ),
                  my_bookings_none: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: No tienes citas próximas con nosotros.",
                      ),
                  ),
                  my_bookings_hint: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Si quieres cambiar alguna, solo dime cancelar o reprogramar.",
                      ),
                  ),
                  ask_booking_cancel: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ¿Qué cita quieres cancelar? Responde con su número, por favor:\n{list}",
                      ),
                  ),
                  ask_booking_reschedule: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ¿Qué cita quieres cambiar? Responde con su número, por favor:\n{list}",
                      ),
                  ),
                  ask_booking_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Perdón, no supe qué cita es. Responde con su número, por favor:\n{list}",
                      ),
                  ),
                  ask_confirm_cancel: z.optional(
                    z
                      .string()
                      .describe("Default: ¿Cancelo tu cita: {booking}?"),
                  ),
                  ask_confirm_cancel_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Responde sí para cancelar {booking}, o no para conservarla.",
                      ),
                  ),
                  cancel_kept: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Va, tu cita sigue en pie. ¿Te ayudo con algo más?",
                      ),
                  ),
                  cancelled: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Listo: tu cita {booking} quedó cancelada. ¿Te gustaría agendar algo más?",
                      ),
                  ),
                  cancel_failed: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Lo siento, nuestro sistema de citas no responde en este momento, así que tu cita no se canceló. Alguien del equipo te escribirá aquí en breve.",
                      ),
                  ),
                  manage_unavailable: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Lo siento, esa cita ya no se puede cambiar por aquí. ¿Te ayudo con algo más?",
                      ),
                  ),
                  manage_no_identity: z.optional(
                    z
                      .string()
                      .describe(
                        'Default: Por tu seguridad solo puedo mostrar, cancelar o cambiar citas del número desde el que me escribes, y este chat no me lo comparte. Di \"hablar con una persona\" y alguien de nuestro equipo te ayudará.',
                      ),
                  ),
                  reschedule_intro: z.optional(
                    z
                      .string()
                      .describe("Default: Vamos a cambiar tu cita: {booking}."),
                  ),
                  ask_reschedule_confirm: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ¿Cambio tu cita?\nDe: {old}\nA: {new}\n¿La cambio?",
                      ),
                  ),
                  ask_reschedule_confirm_retry: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Responde sí para cambiarla a {new}, o no para dejar tu cita como está.",
                      ),
                  ),
                  reschedule_kept: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Va, tu cita se queda como está: {booking}. ¿Te ayudo con algo más?",
                      ),
                  ),
                  rescheduled: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ¡Listo! Tu cita ahora es {new}, y la anterior ({old}) quedó cancelada.",
                      ),
                  ),
                  rescheduled_old_kept: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Tu nueva cita quedó agendada: {new}. Todavía no pude cancelar la anterior ({old}); alguien del equipo se encargará.",
                      ),
                  ),
                  pay_link: z.optional(
                    z
                      .string()
                      .describe("Default: Paga aquí para asegurarla: {link}"),
                  ),
                  reschedule_failed: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Lo siento, no pude cambiar tu cita porque nuestro sistema de citas no responde. No cambió nada: tu cita ({old}) sigue en pie. Alguien del equipo te escribirá aquí en breve.",
                      ),
                  ),
                  cancelled_by_business: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {business} canceló tu cita {booking}. Disculpa las molestias. Respóndenos aquí si quieres otro horario.",
                      ),
                  ),
                  rescheduled_by_business: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {business} cambió tu cita: ahora es {new} (antes era {old}).",
                      ),
                  ),
                  faq_price: z.optional(
                    z.string().describe("Default: Precios:\n{list}"),
                  ),
                  faq_price_line: z.optional(
                    z.string().describe("Default: {service}: {price}"),
                  ),
                  faq_duration: z.optional(
                    z.string().describe("Default: Duración:\n{list}"),
                  ),
                  faq_duration_line: z.optional(
                    z.string().describe("Default: {service}: {minutes} min"),
                  ),
                  faq_hours: z.optional(
                    z
                      .string()
                      .describe("Default: Horario de {location}:\n{hours}"),
                  ),
                  faq_hours_line: z.optional(
                    z.string().describe("Default: {days}: {range}"),
                  ),
                  closed: z.optional(z.string().describe("Default: cerrado")),
                  faq_address: z.optional(
                    z.string().describe("Default: {location}: {address}"),
                  ),
                  faq_services: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Nuestros servicios en {location}:\n{list}",
                      ),
                  ),
                  faq_services_all: z.optional(
                    z.string().describe("Default: Nuestros servicios:\n{list}"),
                  ),
                  faq_services_line: z.optional(
                    z.string().describe("Default: {service} ({price})"),
                  ),
                  reminder: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Hola {name}, te recordamos tu cita: {booking}.\nResponde confirmo para confirmarla, cancelar para cancelarla o cambiar para moverla.",
                      ),
                  ),
                  reminder_confirmed: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Gracias, tu cita está confirmada: {booking}. ¡Te esperamos!",
                      ),
                  ),
                  owner_booking: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Nueva cita: {booking}\nCliente: {customer}",
                      ),
                  ),
                  owner_cancellation: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Cancelada: {booking}\nCliente: {customer}",
                      ),
                  ),
                  owner_reschedule: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Cambio de cita: {booking}\n(antes {old})\nCliente: {customer}",
                      ),
                  ),
                  owner_handoff: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: Un cliente necesita a una persona: {customer}\n{summary}",
                      ),
                  ),
                  owner_schedule: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: {location}, {date}: {count} citas\n{list}",
                      ),
                  ),
                  owner_schedule_staff: z.optional(
                    z.string().describe("Default: {staff}:"),
                  ),
                  owner_schedule_line: z.optional(
                    z
                      .string()
                      .describe("Default:   {time} {services} — {customer}"),
                  ),
                  greeting_returning: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ¡Qué gusto verte de nuevo en {business}, {name}!",
                      ),
                  ),
                  same_as_last: z.optional(
                    z
                      .string()
                      .describe(
                        'Default: ¿Lo mismo que la última vez: {choice}? Responde \"lo mismo\" para eso.',
                      ),
                  ),
                  choice_label: z.optional(
                    z.string().describe("Default: {services} en {location}"),
                  ),
                  nudge: z.optional(
                    z
                      .string()
                      .describe(
                        "Default: ¿Sigues ahí? Hasta ahora: {summary}\nResponde aquí para continuar. No se aparta nada hasta que confirmes.",
                      ),
                  ),
                  resume_offer: z.optional(
                    z
                      .string()
                      .describe(
                        'Default: La última vez estabas agendando: {summary}\nResponde \"continuar\" para seguir desde ahí.',
                      ),
                  ),
                })
                .catchall(z.never())
                .describe(
                  "Overrides of the Spanish (Mexico) replies. Leave a field empty to keep the default. {placeholders} are filled in by the bot.",
                ),
            ),
          })
          .catchall(z.never())
          .title("Messages")
          .describe("Every customer-facing message, per language."),
        {},
      ),
    })
    .catchall(z.never()),
};
