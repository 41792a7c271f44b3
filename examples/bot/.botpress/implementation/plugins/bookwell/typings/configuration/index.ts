/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

export type Configuration = {
  /** The booking system that holds the real calendar. */
  provider?: {
    /** Base URL of the Nail It API, e.g. https://api.example.com/nailit (or of the provider simulator, which speaks the same API). Required. */
    baseUrl?: string;
    /** Sent as a bearer token on every provider call. */
    token?: string;
    /** Per call, before it counts as a timeout. */
    timeoutMs?: number;
  };
  /** postgresql:// URL of the database holding the catalog copy, conversations and bookings (Neon, Supabase, RDS, …); migrations run on first use. Required on Botpress Cloud; the local host fills it with its own database. */
  databaseUrl?: string;
  /** The business this bot books for. */
  business: {
    /** Stable id of the business (tenant) in the database, e.g. "pearl-spa". */
    id: string;
    /** Shown to customers in greetings. */
    name: string;
    /** ISO 3166 code, e.g. KW or MX: used to read local phone numbers. */
    country: string;
    /** ISO 4217 code, e.g. KWD or MXN. */
    currency: string;
    /** IANA zone, e.g. Asia/Kuwait. Each location may have its own; this one schedules the sync. */
    timezone: string;
    /** Languages the bot answers in; the first is used until the customer writes in another. */
    languages?: Array<"en" | "ar" | "es">;
  };
  /** How bookings are taken. */
  booking?: {
    /** Whether the bot asks for an email address before booking. */
    requireEmail?: boolean;
    /** How long to keep retrying the provider for one confirmation before apologising and offering a human. */
    deadlineMs?: number;
    /** Minutes between runs of the booking reconciler: it settles bookings whose outcome is unknown (the provider did not answer in time, or a crash) with the provider and tells each customer the payment link or that it did not go through, once. On Botpress Cloud the plugin looks every 5 minutes whether it is due. */
    reconcileMinutes?: number;
  };
  /** When the copy of the catalog is refreshed from the provider. */
  sync?: {
    /** Cron expression, in the business time zone, of the full catalog sync. On Botpress Cloud the plugin looks every 5 minutes whether it is due. */
    fullSyncCron?: string;
    /** Minutes between refreshes of the free time slots. On Botpress Cloud the plugin looks every 5 minutes whether it is due. */
    slotRefreshMinutes?: number;
    /** How many days ahead free time slots are copied. */
    slotDays?: number;
  };
  /** Messages before each confirmed booking, from the reminder templates; also emitted as the reminderDue event (for an approved WhatsApp template on the official integration). */
  reminders?: {
    /** Remind customers of their confirmed bookings on the chat they booked in. */
    enabled?: boolean;
    /** When to remind, in hours before the booking starts, e.g. [24, 2]. A booking made later than a reminder's time gets only the later ones. */
    offsetsHours?: number[];
    /** Local time (business time zone) from which no reminder is sent; one that falls in quiet hours goes out before them instead. */
    quietHoursStart?: string;
    /** Local time at which quiet hours end. Equal to the start: no quiet hours. */
    quietHoursEnd?: string;
  };
  /** Returning customers and abandoned chats. */
  followUp?: {
    /** A customer this business knows by the number their channel gives is greeted by name, in the language they last wrote in, and offered their last booking again as one choice. */
    returningCustomers?: boolean;
    /** A booking left half-made this long gets one message with what was chosen so far. */
    nudgeAfterHours?: number;
    /** After this long the half-made booking is dropped: the next message starts afresh, with the old choice offered as one option (its time is never assumed still free). */
    expireAfterHours?: number;
  };
  /** What the owners hear about, on WhatsApp and as the ownerNotification event. */
  owners?: {
    /** WhatsApp numbers (E.164) told about each new booking, cancellation, reschedule and handoff request, and sent each branch's morning schedule. Empty: none (the Botpress events still go out). */
    numbers?: string[];
    /** Which happenings are sent to the owner numbers. */
    notify?: Array<"booking" | "cancellation" | "reschedule" | "handoff">;
    /** Each morning, per branch, the day's bookings by staff member. */
    morningSchedule?: boolean;
    /** Local time at each branch when its schedule is sent (once a day; later that day if nothing ran then). */
    morningScheduleTime?: string;
    /** Language of the owner messages; default: the business's first language. */
    language?: "en" | "ar" | "es";
    /** The integration owner messages are sent through (the WhatsApp bridge or integration). On Botpress Cloud the ownerNotification event carries the same text for an approved template. */
    integration?: string;
  };
  /** Talking to a human. */
  handoff?: {
    /** Hand the conversation to a person on request, after repeated failures, or when the provider is down. The bot then stays silent until the releaseHandoff action gives it back. */
    enabled?: boolean;
  };
  /** How customers reach the bot. */
  channels?: {
    /** When `bookwell whatsapp` forwards to this bot through the Chat integration: the same secret (16 characters or more) as its --chat-profile-secret (with this bot's id as its --botpress-bot-id). The customer number in a Chat user profile is used only when signed with it for this bot in the last 24 hours; without it the bot asks for the number. */
    chatProfileSecret?: string;
  };
  /** Extra words customers use, per location, service or staff id, e.g. { "SVC-101": ["mani", "عادي"], "STF-01": ["سارة"] }. Added to the built-in ones. */
  synonyms?: { [key: string]: string[] };
  /** The owner's instructions to the AI model (used only when an LLM is configured and its mode is not off): tone, what to say and not to say. {business} is the business name. The booking flow never depends on it: prices, times, staff and bookings always come from the catalog. */
  systemPrompt?: string;
  /** Facts the AI model may use to answer questions the catalog cannot: parking, payment methods, children, products used, health questions… Plain text. Used only when an LLM is configured. */
  businessFacts?: string;
  /** An OpenAI-compatible model that understands what the rules miss and answers what the catalog cannot. Off by default: the bot works fully on rules. */
  llm?: {
    /** OpenAI-compatible base URL, e.g. https://api.openai.com/v1, https://api.moonshot.ai/v1, https://api.deepseek.com/v1 or a vLLM server's http://host:8000/v1. */
    baseUrl?: string;
    /** Key for the LLM endpoint (sent as a bearer token). A local server may need none. */
    apiKey?: string;
    /** Model name, e.g. gpt-4o-mini, kimi-k2-0905-preview, deepseek-chat. */
    model?: string;
    /** off: rules only. fallback: one model call when the rules leave a message unexplained (and for questions the catalog cannot answer). always: one model call on every message (for comparison; costs more). */
    mode?: "off" | "fallback" | "always";
    /** Per model call; one retry at most. On a timeout or any failure the bot goes on with its rules, unnoticed by the customer. */
    timeoutMs?: number;
  };
  /** How the bot words its replies. */
  replies?: {
    /** Arabic has a feminine and a masculine "you": every Arabic reply keeps the one set here. feminine (the default) suits a ladies' salon or spa, masculine a barber. Your own Arabic messages below are used as you write them. */
    arabicGender?: "feminine" | "masculine";
  };
  /** Every customer-facing message, per language. */
  templates?: {
    /** Overrides of the English replies. Leave a field empty to keep the default. {placeholders} are filled in by the bot. */
    en?: {
      /** Default: Hi! Welcome to {business}. */
      greeting?: string;
      /** Default: So far: {items} */
      summary?: string;
      /** Default: , */
      sep?: string;
      /** Default:  or */
      or?: string;
      /** Default:  and */
      and?: string;
      /** Default: anyone */
      anyone?: string;
      /** Default: {service} with {staff} */
      item_with_staff?: string;
      /** Default: {item} {at} */
      item_at?: string;
      /** Default: {n}. {label} */
      list_item?: string;
      /** Default: Which branch would you like: {options}? */
      ask_location?: string;
      /** Default: Sorry, I couldn't match that to one of our branches. We're at {options}. Which one suits you? */
      ask_location_retry?: string;
      /**
       * Default: Please reply with the number of the branch:
       * {list}
       */
      ask_location_list?: string;
      /** Default: What would you like to book? For example {options}. */
      ask_services?: string;
      /** Default: Sorry, I couldn't find that service at {location}. We offer, for example, {options}. Which would you like? */
      ask_services_retry?: string;
      /**
       * Default: Please reply with the number of the service:
       * {list}
       */
      ask_services_list?: string;
      /** Default: Who would you like for {services}: {options}? */
      ask_staff?: string;
      /** Default: Sorry, I need someone who does {services} at {location}. You can pick {options}. */
      ask_staff_retry?: string;
      /**
       * Default: Please reply with a number:
       * {list}
       */
      ask_staff_list?: string;
      /** Default: What day and time would suit you? */
      ask_time?: string;
      /** Default: What time on {date}? Free times include {options}. */
      ask_time_date?: string;
      /** Default: Here are some free times: {options}. Which one would you like? */
      ask_time_retry?: string;
      /**
       * Default: Please reply with the number of the time you would like:
       * {list}
       */
      ask_time_list?: string;
      /** Default: Sorry, I can't see any free time for that in the coming week. Would another day suit you? */
      ask_time_none?: string;
      /** Default: The next day with free times is {date}: {options}. Which time would you like? */
      ask_time_next_day?: string;
      /** Default: What name should I put the booking under? */
      ask_name?: string;
      /** Default: Shall I put the booking under {profile}, or another name? */
      ask_name_profile?: string;
      /** Default: Sorry, I didn't get your name. Please type just your name, for example Sara Ahmed. */
      ask_name_retry?: string;
      /** Default: What phone number can we reach you on? */
      ask_phone?: string;
      /** Default: That doesn't look like a phone number. Please send it with the country code, for example {example}. */
      ask_phone_retry?: string;
      /** Default: What email address should the confirmation go to? */
      ask_email?: string;
      /** Default: That doesn't look like an email address. Please send it like name@example.com. */
      ask_email_retry?: string;
      /**
       * Default: Here is your booking:
       * {details}
       * Shall I book it?
       */
      ask_confirm?: string;
      /** Default: Please reply yes to book it, or no to change something. */
      ask_confirm_retry?: string;
      /** Default: No problem. What would you like to change? */
      ask_change?: string;
      /** Default: Great, I'm booking it now. */
      confirmed?: string;
      /**
       * Default: Booked! {details}
       * Pay here to secure it: {link}
       */
      booked?: string;
      /** Default: That booking is already made. Your payment link: {link} */
      booked_again?: string;
      /** Default: That booking has been cancelled, so there is nothing to pay. Would you like to book again? Tell me what you'd like. */
      booking_was_cancelled?: string;
      /** Default: Sorry, {time} was just taken. The nearest free times are {options}. Which would you like? */
      slot_taken?: string;
      /** Default: Sorry, {time} was just taken and I cannot see another free time soon. Would another day suit you? */
      slot_taken_none?: string;
      /** Default: Sorry, our booking system is not answering right now, so nothing was booked. A colleague will get back to you here shortly. */
      provider_down?: string;
      /** Default: Sorry, I could not make that booking, and nothing was charged. A colleague will get back to you here shortly. */
      booking_failed?: string;
      /** Default: I'm still confirming your booking with the salon. I'll message you here as soon as I know. */
      booking_unknown?: string;
      /** Default: Good news: your booking is confirmed. Pay here to secure it: {link} */
      booking_confirmed_later?: string;
      /** Default: Sorry, the salon could not take that booking, so nothing was booked and you owe nothing. Reply here if you'd like to try again, or ask for a colleague. */
      booking_not_made?: string;
      /** Default: • {when}: {service} with {staff} ({price}) */
      line_item?: string;
      /** Default: Branch: {value} */
      line_location?: string;
      /** Default: Total: {value} */
      line_total?: string;
      /** Default: Name: {value} */
      line_name?: string;
      /** Default: Phone: {value} */
      line_phone?: string;
      /** Default: Email: {value} */
      line_email?: string;
      /** Default: Sorry, {when} is not free. */
      note_time_unavailable?: string;
      /** Default: The nearest free times are {options}. */
      note_alternatives?: string;
      /** Default: Sorry, {location} is closed on {date}. */
      note_location_closed?: string;
      /** Default: The next day with free times is {date}: {options}. */
      note_next_day?: string;
      /** Default: {staff} is off on {weekdays}. */
      note_staff_off?: string;
      /** Default: {staff} has no free time on {date}. */
      note_staff_busy?: string;
      /** Default: On {date} you could have {others}. */
      note_staff_others?: string;
      /** Default: Sorry, {date} is fully booked. */
      note_day_full?: string;
      /** Default: Sorry, no one does {services} at {location} on {weekdays}. */
      note_day_nobody?: string;
      /** Default: {service} now {at}. */
      note_service_time?: string;
      /** Default: {service} stays {at}. */
      note_service_time_kept?: string;
      /** Default: Sorry, {service} {at} is not free. */
      note_service_time_unavailable?: string;
      /** Default: {when} has already passed. */
      note_time_past?: string;
      /** Default: {services} is not offered at {location}. */
      note_service_not_at_location?: string;
      /** Default: {services} is not offered at {location}, so I've taken it off. */
      note_services_dropped?: string;
      /** Default: {staff} works at {other}, not at {location}. */
      note_staff_not_at_location?: string;
      /** Default: {staff} doesn't do {services}. */
      note_staff_cannot_do?: string;
      /** Default: No problem, you don't need one: I'll confirm everything here in the chat. */
      note_no_email?: string;
      /** Default: Added {added}. */
      note_services_added?: string;
      /** Default: I've taken off {removed}. */
      note_services_removed?: string;
      /** Default: {added} instead of {removed}. */
      note_services_replaced?: string;
      /** Default: Your message was very long, so I only read the beginning. */
      note_truncated?: string;
      /** Default: Sure, let's start over. */
      note_restart?: string;
      /** Default: You're welcome! See you soon. */
      thanks_reply?: string;
      /** Default: You're welcome! */
      thanks_pending?: string;
      /** Default: Sorry, I couldn't read that message. */
      invalid_input?: string;
      /** Default: Sorry, I can only read text messages. Please type what you would like. */
      only_text?: string;
      /** Default: I'll ask a member of our team to help you. They will reply here shortly. */
      handoff?: string;
      /** Default: A member of our team will reply here shortly. You can also say 'start over' to book again. */
      handoff_pending?: string;
      /** Default: Sorry, I can't see our branches and services right now, so I can't take a booking here at the moment. A member of our team will help you here shortly. */
      no_catalog?: string;
      /** Default: I'm not sure about that, so I'll ask the team. If you'd like a person to help you now, just say 'talk to a person'. */
      ask_team?: string;
      /** Default: {services} at {location}, {when} */
      booking_label?: string;
      /**
       * Default: Your upcoming bookings:
       * {list}
       */
      my_bookings?: string;
      /** Default: • {booking} ({status}) */
      my_booking_line?: string;
      /** Default:   Payment link: {link} */
      my_booking_pay?: string;
      /** Default: confirmed */
      status_confirmed?: string;
      /** Default: being confirmed */
      status_pending?: string;
      /** Default: You don't have any upcoming bookings with us. */
      my_bookings_none?: string;
      /** Default: To change one, just say cancel or reschedule. */
      my_bookings_hint?: string;
      /**
       * Default: Which booking would you like to cancel? Please reply with its number:
       * {list}
       */
      ask_booking_cancel?: string;
      /**
       * Default: Which booking would you like to move? Please reply with its number:
       * {list}
       */
      ask_booking_reschedule?: string;
      /**
       * Default: Sorry, I couldn't tell which booking you mean. Please reply with its number:
       * {list}
       */
      ask_booking_retry?: string;
      /** Default: Shall I cancel your booking: {booking}? */
      ask_confirm_cancel?: string;
      /** Default: Please reply yes to cancel {booking}, or no to keep it. */
      ask_confirm_cancel_retry?: string;
      /** Default: OK, I've kept your booking. Anything else I can help with? */
      cancel_kept?: string;
      /** Default: Done: your booking {booking} is cancelled. Would you like to book something else? */
      cancelled?: string;
      /** Default: Sorry, our booking system is not answering right now, so your booking was not cancelled. A colleague will get back to you here shortly. */
      cancel_failed?: string;
      /** Default: Sorry, that booking can no longer be changed here. Anything else I can help with? */
      manage_unavailable?: string;
      /** Default: For your security I can only show, cancel or move bookings for the number you're chatting from, and this chat doesn't share it with me. Say 'talk to a person' and a member of our team will help you with it. */
      manage_no_identity?: string;
      /** Default: Let's move your booking: {booking}. */
      reschedule_intro?: string;
      /**
       * Default: Move your booking?
       * From: {old}
       * To: {new}
       * Shall I move it?
       */
      ask_reschedule_confirm?: string;
      /** Default: Please reply yes to move it to {new}, or no to keep your booking as it is. */
      ask_reschedule_confirm_retry?: string;
      /** Default: OK, your booking stays as it is: {booking}. Anything else I can help with? */
      reschedule_kept?: string;
      /** Default: Done! Your booking is now {new}, and the one on {old} is cancelled. */
      rescheduled?: string;
      /** Default: Your new booking is made: {new}. I couldn't cancel the one on {old} yet, so a colleague will take care of it. */
      rescheduled_old_kept?: string;
      /** Default: Pay here to secure it: {link} */
      pay_link?: string;
      /** Default: Sorry, I couldn't move your booking: our booking system is not answering. Nothing changed, your booking on {old} is kept. A colleague will get back to you here shortly. */
      reschedule_failed?: string;
      /** Default: Your booking {booking} has been cancelled by {business}. Sorry for the inconvenience. Reply here if you would like another time. */
      cancelled_by_business?: string;
      /** Default: {business} has moved your booking: it is now {new} (it was {old}). */
      rescheduled_by_business?: string;
      /**
       * Default: Prices:
       * {list}
       */
      faq_price?: string;
      /** Default: {service}: {price} */
      faq_price_line?: string;
      /**
       * Default: How long it takes:
       * {list}
       */
      faq_duration?: string;
      /** Default: {service}: {minutes} min */
      faq_duration_line?: string;
      /**
       * Default: Opening hours at {location}:
       * {hours}
       */
      faq_hours?: string;
      /** Default: {days}: {range} */
      faq_hours_line?: string;
      /** Default: closed */
      closed?: string;
      /** Default: {location}: {address} */
      faq_address?: string;
      /**
       * Default: Our services at {location}:
       * {list}
       */
      faq_services?: string;
      /**
       * Default: Our services:
       * {list}
       */
      faq_services_all?: string;
      /** Default: {service} ({price}) */
      faq_services_line?: string;
      /**
       * Default: Hi {name}, a reminder of your booking: {booking}.
       * Reply confirm to confirm, cancel to cancel, or move to change the time.
       */
      reminder?: string;
      /** Default: Thank you, your booking is confirmed: {booking}. See you then! */
      reminder_confirmed?: string;
      /**
       * Default: New booking: {booking}
       * Customer: {customer}
       */
      owner_booking?: string;
      /**
       * Default: Cancelled: {booking}
       * Customer: {customer}
       */
      owner_cancellation?: string;
      /**
       * Default: Moved: {booking}
       * (was {old})
       * Customer: {customer}
       */
      owner_reschedule?: string;
      /**
       * Default: A customer needs a person: {customer}
       * {summary}
       */
      owner_handoff?: string;
      /**
       * Default: {location}, {date}: {count} bookings
       * {list}
       */
      owner_schedule?: string;
      /** Default: {staff}: */
      owner_schedule_staff?: string;
      /** Default:   {time} {services} — {customer} */
      owner_schedule_line?: string;
      /** Default: Welcome back to {business}, {name}! */
      greeting_returning?: string;
      /** Default: Same as last time: {choice}? Reply "same" for that. */
      same_as_last?: string;
      /** Default: {services} at {location} */
      choice_label?: string;
      /**
       * Default: Still there? So far: {summary}
       * Reply here to carry on. Nothing is held until you confirm.
       */
      nudge?: string;
      /**
       * Default: Last time you were booking: {summary}
       * Reply "continue" to pick up from there.
       */
      resume_offer?: string;
    };
    /** Overrides of the Arabic (Gulf) replies. Leave a field empty to keep the default. {placeholders} are filled in by the bot. */
    ar?: {
      /** Default: هلا والله! حياج في {business}. */
      greeting?: string;
      /** Default: اخترت لين الحين: {items} */
      summary?: string;
      /** Default: ، */
      sep?: string;
      /** Default:  أو */
      or?: string;
      /** Default:  و */
      and?: string;
      /** Default: أي موظفة */
      anyone?: string;
      /** Default: {service} مع {staff} */
      item_with_staff?: string;
      /** Default: {item} {at} */
      item_at?: string;
      /** Default: {n}. {label} */
      list_item?: string;
      /** Default: أي فرع يناسبك: {options}؟ */
      ask_location?: string;
      /** Default: آسفين، ما قدرت أعرف الفرع. فروعنا: {options}. أي واحد يناسبك؟ */
      ask_location_retry?: string;
      /**
       * Default: ردي علي برقم الفرع لو سمحتي:
       * {list}
       */
      ask_location_list?: string;
      /** Default: شنو الخدمة اللي تبينها؟ مثلاً {options}. */
      ask_services?: string;
      /** Default: آسفين، ما لقيت هالخدمة في {location}. عندنا مثلاً {options}. شنو تبين؟ */
      ask_services_retry?: string;
      /**
       * Default: ردي علي برقم الخدمة لو سمحتي:
       * {list}
       */
      ask_services_list?: string;
      /** Default: منو تبين لـ {services}: {options}؟ */
      ask_staff?: string;
      /** Default: آسفين، أحتاج موظفة تسوي {services} في {location}. تقدرين تختارين {options}. */
      ask_staff_retry?: string;
      /**
       * Default: ردي علي بالرقم لو سمحتي:
       * {list}
       */
      ask_staff_list?: string;
      /** Default: أي يوم وأي ساعة تناسبك؟ */
      ask_time?: string;
      /** Default: أي ساعة يوم {date}؟ من الأوقات المتاحة: {options}. */
      ask_time_date?: string;
      /** Default: هذي بعض الأوقات المتاحة: {options}. أي واحد تبين؟ */
      ask_time_retry?: string;
      /**
       * Default: ردي علي برقم الوقت اللي تبينه لو سمحتي:
       * {list}
       */
      ask_time_list?: string;
      /** Default: آسفين، ما في وقت متاح لهالخدمة خلال الأسبوع الجاي. يناسبك يوم ثاني؟ */
      ask_time_none?: string;
      /** Default: أقرب يوم فيه أوقات متاحة هو {date}: {options}. أي وقت تبين؟ */
      ask_time_next_day?: string;
      /** Default: باسم منو أسجل الحجز؟ */
      ask_name?: string;
      /** Default: أسجل الحجز باسم {profile} ولا باسم ثاني؟ */
      ask_name_profile?: string;
      /** Default: آسفين، ما فهمت الاسم. اكتبي اسمك بس لو سمحتي، مثلاً سارة أحمد. */
      ask_name_retry?: string;
      /** Default: شنو رقم تلفونك للتواصل؟ */
      ask_phone?: string;
      /** Default: هذا ما يبين رقم تلفون. أرسليه مع مفتاح الدولة، مثلاً {example}. */
      ask_phone_retry?: string;
      /** Default: شنو إيميلك عشان نرسل لك التأكيد؟ */
      ask_email?: string;
      /** Default: هذا ما يبين إيميل. أرسليه بهالشكل name@example.com. */
      ask_email_retry?: string;
      /**
       * Default: هذي تفاصيل حجزك:
       * {details}
       * أأكد الحجز؟
       */
      ask_confirm?: string;
      /** Default: ردي بـ "إي" عشان أأكد الحجز، أو "لا" عشان تغيرين شي. */
      ask_confirm_retry?: string;
      /** Default: ولا يهمك. شنو تبين تغيرين؟ */
      ask_change?: string;
      /** Default: تمام، قاعد أأكد الحجز الحين. */
      confirmed?: string;
      /**
       * Default: تم الحجز! {details}
       * ادفعي من هني عشان نثبت الموعد: {link}
       */
      booked?: string;
      /** Default: هالحجز موجود من قبل. رابط الدفع: {link} */
      booked_again?: string;
      /** Default: هالحجز ملغي، فما في شي للدفع. تبين تحجزين من جديد؟ قولي لي شنو تبين. */
      booking_was_cancelled?: string;
      /** Default: آسفين، موعد {time} انحجز توه. أقرب المواعيد المتاحة: {options}. أي واحد يناسبك؟ */
      slot_taken?: string;
      /** Default: آسفين، موعد {time} انحجز توه وما أشوف موعد قريب ثاني. يناسبك يوم ثاني؟ */
      slot_taken_none?: string;
      /** Default: آسفين، نظام الحجز ما يرد الحين وما انحجز شي. بيتواصل وياج أحد من الفريق هني قريب. */
      provider_down?: string;
      /** Default: آسفين، ما قدرت أسوي الحجز وما انخصم شي. بيتواصل وياج أحد من الفريق هني قريب. */
      booking_failed?: string;
      /** Default: قاعد أأكد حجزك مع الصالون، وبراسلك هني أول ما أعرف. */
      booking_unknown?: string;
      /** Default: أبشرك، تأكد حجزك! ادفعي من هني عشان نثبت الموعد: {link} */
      booking_confirmed_later?: string;
      /** Default: آسفين، الصالون ما قدر ياخذ هالحجز، فما انحجز شي وما عليج شي. ردي علي هني إذا تبين نحاول مرة ثانية، أو اطلبي أحد من الفريق. */
      booking_not_made?: string;
      /** Default: • {when}: {service} مع {staff} ({price}) */
      line_item?: string;
      /** Default: الفرع: {value} */
      line_location?: string;
      /** Default: المجموع: {value} */
      line_total?: string;
      /** Default: الاسم: {value} */
      line_name?: string;
      /** Default: التلفون: {value} */
      line_phone?: string;
      /** Default: الإيميل: {value} */
      line_email?: string;
      /** Default: آسفين، {when} مو متاح. */
      note_time_unavailable?: string;
      /** Default: أقرب الأوقات المتاحة: {options}. */
      note_alternatives?: string;
      /** Default: آسفين، {location} مسكر يوم {date}. */
      note_location_closed?: string;
      /** Default: أقرب يوم فيه أوقات متاحة هو {date}: {options}. */
      note_next_day?: string;
      /** Default: يوم {weekdays} إجازة {staff}. */
      note_staff_off?: string;
      /** Default: ما عند {staff} وقت فاضي يوم {date}. */
      note_staff_busy?: string;
      /** Default: يوم {date} تقدرين تحجزين مع {others}. */
      note_staff_others?: string;
      /** Default: آسفين، يوم {date} محجوز بالكامل. */
      note_day_full?: string;
      /** Default: آسفين، ما في أحد يسوي {services} في {location} يوم {weekdays}. */
      note_day_nobody?: string;
      /** Default: {service} صار {at}. */
      note_service_time?: string;
      /** Default: {service} باقي {at}. */
      note_service_time_kept?: string;
      /** Default: آسفين، {service} {at} مو متاح. */
      note_service_time_unavailable?: string;
      /** Default: {when} راح وقته. */
      note_time_past?: string;
      /** Default: {services} مو متوفرة في {location}. */
      note_service_not_at_location?: string;
      /** Default: {services} مو متوفرة في {location}، فشلتها من الحجز. */
      note_services_dropped?: string;
      /** Default: {staff} تشتغل في {other}، مو في {location}. */
      note_staff_not_at_location?: string;
      /** Default: {staff} ما تسوي {services}. */
      note_staff_cannot_do?: string;
      /** Default: ولا يهمك، مو لازم إيميل: بأكد لج كل شي هني في المحادثة. */
      note_no_email?: string;
      /** Default: ضفت {added}. */
      note_services_added?: string;
      /** Default: شلت {removed}. */
      note_services_removed?: string;
      /** Default: {added} بدال {removed}. */
      note_services_replaced?: string;
      /** Default: رسالتك طويلة وايد، فقريت أولها بس. */
      note_truncated?: string;
      /** Default: أكيد، خلنا نبدأ من جديد. */
      note_restart?: string;
      /** Default: العفو! نشوفج على خير. */
      thanks_reply?: string;
      /** Default: العفو! */
      thanks_pending?: string;
      /** Default: آسفين، ما قدرت أقرا هالرسالة. */
      invalid_input?: string;
      /** Default: آسفين، أقدر أقرا الرسائل النصية بس. اكتبي لي شنو تبين لو سمحتي. */
      only_text?: string;
      /** Default: بخلي وحدة من فريقنا تساعدج، بترد عليج هني قريب. */
      handoff?: string;
      /** Default: وحدة من فريقنا بترد عليج هني قريب. وتقدرين تقولين "نبدأ من جديد" عشان تحجزين. */
      handoff_pending?: string;
      /** Default: آسفين، ما أقدر أشوف فروعنا وخدماتنا الحين، فما أقدر أسجل حجز هني في هالوقت. بيساعدك أحد من الفريق هني قريب. */
      no_catalog?: string;
      /** Default: ما أعرف أكيد، بسأل الفريق. إذا تبين أحد من فريقنا يساعدك الحين، قولي "ابي اكلم موظف". */
      ask_team?: string;
      /** Default: {services} في {location}، {when} */
      booking_label?: string;
      /**
       * Default: مواعيدك الجاية:
       * {list}
       */
      my_bookings?: string;
      /** Default: • {booking} ({status}) */
      my_booking_line?: string;
      /** Default:   رابط الدفع: {link} */
      my_booking_pay?: string;
      /** Default: مؤكد */
      status_confirmed?: string;
      /** Default: قاعد يتأكد */
      status_pending?: string;
      /** Default: ما عندج أي مواعيد جاية عندنا. */
      my_bookings_none?: string;
      /** Default: إذا تبين تغيرين موعد، قولي إلغاء أو تغيير الموعد. */
      my_bookings_hint?: string;
      /**
       * Default: أي موعد تبين تلغينه؟ ردي برقمه لو سمحتي:
       * {list}
       */
      ask_booking_cancel?: string;
      /**
       * Default: أي موعد تبين تغيرينه؟ ردي برقمه لو سمحتي:
       * {list}
       */
      ask_booking_reschedule?: string;
      /**
       * Default: آسفين، ما عرفت أي موعد تقصدين. ردي برقم الموعد لو سمحتي:
       * {list}
       */
      ask_booking_retry?: string;
      /** Default: ألغي موعدك: {booking}؟ */
      ask_confirm_cancel?: string;
      /** Default: ردي بـ "إي" عشان ألغي {booking}، أو "لا" عشان يبقى. */
      ask_confirm_cancel_retry?: string;
      /** Default: تمام، خليت موعدك مثل ما هو. تبين شي ثاني؟ */
      cancel_kept?: string;
      /** Default: تم، موعدك {booking} انلغى. تبين تحجزين شي ثاني؟ */
      cancelled?: string;
      /** Default: آسفين، نظام الحجز ما يرد الحين، فموعدك ما انلغى. بيتواصل وياج أحد من الفريق هني قريب. */
      cancel_failed?: string;
      /** Default: آسفين، هالموعد ما يمديني أغيره من هني. تبين شي ثاني؟ */
      manage_unavailable?: string;
      /** Default: عشان أمانج، أقدر أعرض أو ألغي أو أغير المواعيد بس للرقم اللي تكلميني منه، وهالمحادثة ما توضح لي رقمج. قولي "أبي أكلم موظفة" وبتساعدج وحدة من فريقنا. */
      manage_no_identity?: string;
      /** Default: خلينا نغير موعدك: {booking}. */
      reschedule_intro?: string;
      /**
       * Default: أغير موعدك؟
       * من: {old}
       * إلى: {new}
       * أأكد التغيير؟
       */
      ask_reschedule_confirm?: string;
      /** Default: ردي بـ "إي" عشان أغيره إلى {new}، أو "لا" عشان يبقى موعدك مثل ما هو. */
      ask_reschedule_confirm_retry?: string;
      /** Default: تمام، موعدك باقي مثل ما هو: {booking}. تبين شي ثاني؟ */
      reschedule_kept?: string;
      /** Default: تم! موعدك صار {new}، والموعد اللي كان {old} انلغى. */
      rescheduled?: string;
      /** Default: انحجز موعدك الجديد: {new}. ما قدرت ألغي الموعد اللي كان {old} للحين، وبيتابعه أحد من الفريق. */
      rescheduled_old_kept?: string;
      /** Default: ادفعي من هني عشان نثبت الموعد: {link} */
      pay_link?: string;
      /** Default: آسفين، ما قدرت أغير موعدك لأن نظام الحجز ما يرد. ما تبدل شي، وموعدك {old} باقي. بيتواصل وياج أحد من الفريق هني قريب. */
      reschedule_failed?: string;
      /** Default: تم إلغاء حجزك {booking} من {business}. نعتذر عن الإزعاج. ردي علينا هني لو تبين موعد ثاني. */
      cancelled_by_business?: string;
      /** Default: {business} غيروا موعد حجزك: صار {new} (كان {old}). */
      rescheduled_by_business?: string;
      /**
       * Default: الأسعار:
       * {list}
       */
      faq_price?: string;
      /** Default: {service}: {price} */
      faq_price_line?: string;
      /**
       * Default: المدة:
       * {list}
       */
      faq_duration?: string;
      /** Default: {service}: {minutes} دقيقة */
      faq_duration_line?: string;
      /**
       * Default: مواعيد الدوام في {location}:
       * {hours}
       */
      faq_hours?: string;
      /** Default: {days}: {range} */
      faq_hours_line?: string;
      /** Default: مسكر */
      closed?: string;
      /** Default: {location}: {address} */
      faq_address?: string;
      /**
       * Default: خدماتنا في {location}:
       * {list}
       */
      faq_services?: string;
      /**
       * Default: خدماتنا:
       * {list}
       */
      faq_services_all?: string;
      /** Default: {service} ({price}) */
      faq_services_line?: string;
      /**
       * Default: هلا {name}، نذكرك بموعدك: {booking}.
       * ردي بـ تمام للتأكيد، أو إلغاء للإلغاء، أو تغيير لتغيير الموعد.
       */
      reminder?: string;
      /** Default: شكراً لك، موعدك مؤكد: {booking}. نشوفك على خير! */
      reminder_confirmed?: string;
      /**
       * Default: حجز جديد: {booking}
       * العميل: {customer}
       */
      owner_booking?: string;
      /**
       * Default: انلغى: {booking}
       * العميل: {customer}
       */
      owner_cancellation?: string;
      /**
       * Default: موعد معدّل: {booking}
       * (كان {old})
       * العميل: {customer}
       */
      owner_reschedule?: string;
      /**
       * Default: عميل يبي يكلم موظف: {customer}
       * {summary}
       */
      owner_handoff?: string;
      /**
       * Default: {location}، {date}: {count} حجوزات
       * {list}
       */
      owner_schedule?: string;
      /** Default: {staff}: */
      owner_schedule_staff?: string;
      /** Default:   {time} {services} — {customer} */
      owner_schedule_line?: string;
      /** Default: هلا والله {name}، حياج مرة ثانية في {business}! */
      greeting_returning?: string;
      /** Default: نفس المرة اللي فاتت: {choice}؟ ردي بـ "نفس" إذا تبين. */
      same_as_last?: string;
      /** Default: {services} في {location} */
      choice_label?: string;
      /**
       * Default: موجودة؟ اخترت لين الحين: {summary}
       * ردي هني عشان نكمل. ما ينحجز شي إلا بعد تأكيدج.
       */
      nudge?: string;
      /**
       * Default: آخر مرة كنتي تحجزين: {summary}
       * ردي بـ "كمل" عشان نكمل من هناك.
       */
      resume_offer?: string;
    };
    /** Overrides of the Spanish (Mexico) replies. Leave a field empty to keep the default. {placeholders} are filled in by the bot. */
    es?: {
      /** Default: ¡Hola! Bienvenido a {business}. */
      greeting?: string;
      /** Default: Hasta ahora: {items} */
      summary?: string;
      /** Default: , */
      sep?: string;
      /** Default:  o */
      or?: string;
      /** Default:  y */
      and?: string;
      /** Default: cualquiera */
      anyone?: string;
      /** Default: {service} con {staff} */
      item_with_staff?: string;
      /** Default: {item} {at} */
      item_at?: string;
      /** Default: {n}. {label} */
      list_item?: string;
      /** Default: ¿En qué sucursal te gustaría: {options}? */
      ask_location?: string;
      /** Default: Perdón, no encontré esa sucursal. Estamos en {options}. ¿Cuál te queda mejor? */
      ask_location_retry?: string;
      /**
       * Default: Por favor responde con el número de la sucursal:
       * {list}
       */
      ask_location_list?: string;
      /** Default: ¿Qué te gustaría agendar? Por ejemplo {options}. */
      ask_services?: string;
      /** Default: Perdón, no encontré ese servicio en {location}. Tenemos, por ejemplo, {options}. ¿Cuál quieres? */
      ask_services_retry?: string;
      /**
       * Default: Por favor responde con el número del servicio:
       * {list}
       */
      ask_services_list?: string;
      /** Default: ¿Quién te gustaría que te atienda para {services}: {options}? */
      ask_staff?: string;
      /** Default: Perdón, necesito a alguien que haga {services} en {location}. Puedes elegir {options}. */
      ask_staff_retry?: string;
      /**
       * Default: Por favor responde con un número:
       * {list}
       */
      ask_staff_list?: string;
      /** Default: ¿Qué día y a qué hora te gustaría? */
      ask_time?: string;
      /** Default: ¿A qué hora el {date}? Hay lugar, por ejemplo, {options}. */
      ask_time_date?: string;
      /** Default: Estos horarios están libres: {options}. ¿Cuál prefieres? */
      ask_time_retry?: string;
      /**
       * Default: Por favor responde con el número del horario que prefieras:
       * {list}
       */
      ask_time_list?: string;
      /** Default: Perdón, no veo horarios libres para eso en la próxima semana. ¿Te funciona otro día? */
      ask_time_none?: string;
      /** Default: El siguiente día con horarios libres es el {date}: {options}. ¿A qué hora te gustaría? */
      ask_time_next_day?: string;
      /** Default: ¿A nombre de quién hago la reserva? */
      ask_name?: string;
      /** Default: ¿Hago la reserva a nombre de {profile} o de otra persona? */
      ask_name_profile?: string;
      /** Default: Perdón, no entendí tu nombre. Escribe solo tu nombre, por ejemplo Ana López. */
      ask_name_retry?: string;
      /** Default: ¿A qué número de teléfono te podemos contactar? */
      ask_phone?: string;
      /** Default: Eso no parece un número de teléfono. Envíalo con lada internacional, por ejemplo {example}. */
      ask_phone_retry?: string;
      /** Default: ¿A qué correo te enviamos la confirmación? */
      ask_email?: string;
      /** Default: Eso no parece un correo. Envíalo así: nombre@ejemplo.com. */
      ask_email_retry?: string;
      /**
       * Default: Esta es tu reserva:
       * {details}
       * ¿La agendo?
       */
      ask_confirm?: string;
      /** Default: Responde sí para agendarla, o no para cambiar algo. */
      ask_confirm_retry?: string;
      /** Default: Claro. ¿Qué te gustaría cambiar? */
      ask_change?: string;
      /** Default: ¡Perfecto, la estoy agendando! */
      confirmed?: string;
      /**
       * Default: ¡Listo, quedó agendado! {details}
       * Paga aquí para asegurarlo: {link}
       */
      booked?: string;
      /** Default: Esa cita ya está agendada. Tu liga de pago: {link} */
      booked_again?: string;
      /** Default: Esa cita fue cancelada, así que no hay nada que pagar. ¿Quieres agendar de nuevo? Dime qué te gustaría. */
      booking_was_cancelled?: string;
      /** Default: Lo siento, {time} se acaba de ocupar. Los horarios libres más cercanos son {options}. ¿Cuál prefieres? */
      slot_taken?: string;
      /** Default: Lo siento, {time} se acaba de ocupar y no veo otro horario pronto. ¿Te queda otro día? */
      slot_taken_none?: string;
      /** Default: Lo siento, nuestro sistema de citas no responde en este momento y no se agendó nada. Alguien del equipo te escribirá aquí en breve. */
      provider_down?: string;
      /** Default: Lo siento, no pude hacer esa cita y no se cobró nada. Alguien del equipo te escribirá aquí en breve. */
      booking_failed?: string;
      /** Default: Todavía estoy confirmando tu cita con el salón. Te escribo aquí en cuanto sepa. */
      booking_unknown?: string;
      /** Default: ¡Buenas noticias! Tu cita quedó confirmada. Paga aquí para asegurarla: {link} */
      booking_confirmed_later?: string;
      /** Default: Lo siento, el salón no pudo tomar esa cita, así que no se agendó nada y no debes nada. Respóndeme aquí si quieres intentarlo de nuevo, o pide hablar con alguien del equipo. */
      booking_not_made?: string;
      /** Default: • {when}: {service} con {staff} ({price}) */
      line_item?: string;
      /** Default: Sucursal: {value} */
      line_location?: string;
      /** Default: Total: {value} */
      line_total?: string;
      /** Default: Nombre: {value} */
      line_name?: string;
      /** Default: Teléfono: {value} */
      line_phone?: string;
      /** Default: Correo: {value} */
      line_email?: string;
      /** Default: Perdón, {when} no está disponible. */
      note_time_unavailable?: string;
      /** Default: Los horarios libres más cercanos son {options}. */
      note_alternatives?: string;
      /** Default: Perdón, {location} está cerrado el {date}. */
      note_location_closed?: string;
      /** Default: El siguiente día con horarios libres es el {date}: {options}. */
      note_next_day?: string;
      /** Default: {staff} descansa los {weekdays}. */
      note_staff_off?: string;
      /** Default: {staff} no tiene horarios libres el {date}. */
      note_staff_busy?: string;
      /** Default: El {date} te puede atender {others}. */
      note_staff_others?: string;
      /** Default: Perdón, el {date} ya está lleno. */
      note_day_full?: string;
      /** Default: Perdón, nadie hace {services} en {location} los {weekdays}. */
      note_day_nobody?: string;
      /** Default: {service} pasa {at}. */
      note_service_time?: string;
      /** Default: {service} se queda {at}. */
      note_service_time_kept?: string;
      /** Default: Perdón, {service} {at} no está disponible. */
      note_service_time_unavailable?: string;
      /** Default: {when} ya pasó. */
      note_time_past?: string;
      /** Default: {services} no se ofrece en {location}. */
      note_service_not_at_location?: string;
      /** Default: {services} no se ofrece en {location}, así que lo quité. */
      note_services_dropped?: string;
      /** Default: {staff} trabaja en {other}, no en {location}. */
      note_staff_not_at_location?: string;
      /** Default: {staff} no hace {services}. */
      note_staff_cannot_do?: string;
      /** Default: No hay problema, no hace falta: te confirmo todo aquí en el chat. */
      note_no_email?: string;
      /** Default: Agregué {added}. */
      note_services_added?: string;
      /** Default: Quité {removed}. */
      note_services_removed?: string;
      /** Default: {added} en vez de {removed}. */
      note_services_replaced?: string;
      /** Default: Tu mensaje era muy largo, así que solo leí el principio. */
      note_truncated?: string;
      /** Default: Claro, empecemos de nuevo. */
      note_restart?: string;
      /** Default: ¡De nada! Nos vemos pronto. */
      thanks_reply?: string;
      /** Default: ¡De nada! */
      thanks_pending?: string;
      /** Default: Perdón, no pude leer ese mensaje. */
      invalid_input?: string;
      /** Default: Perdón, solo puedo leer mensajes de texto. Escríbeme lo que necesitas, por favor. */
      only_text?: string;
      /** Default: Le pediré a alguien de nuestro equipo que te ayude. Te responderá aquí en breve. */
      handoff?: string;
      /** Default: Alguien de nuestro equipo te responderá aquí en breve. También puedes decir 'empezar de nuevo' para agendar. */
      handoff_pending?: string;
      /** Default: Lo siento, ahora no puedo ver nuestras sucursales ni servicios, así que por el momento no puedo agendar aquí. Alguien del equipo te ayudará aquí en breve. */
      no_catalog?: string;
      /** Default: No estoy segura de eso, así que se lo preguntaré al equipo. Si quieres que una persona te ayude ahora, solo di 'hablar con alguien'. */
      ask_team?: string;
      /** Default: {services} en {location}, {when} */
      booking_label?: string;
      /**
       * Default: Tus próximas citas:
       * {list}
       */
      my_bookings?: string;
      /** Default: • {booking} ({status}) */
      my_booking_line?: string;
      /** Default:   Liga de pago: {link} */
      my_booking_pay?: string;
      /** Default: confirmada */
      status_confirmed?: string;
      /** Default: por confirmar */
      status_pending?: string;
      /** Default: No tienes citas próximas con nosotros. */
      my_bookings_none?: string;
      /** Default: Si quieres cambiar alguna, solo dime cancelar o reprogramar. */
      my_bookings_hint?: string;
      /**
       * Default: ¿Qué cita quieres cancelar? Responde con su número, por favor:
       * {list}
       */
      ask_booking_cancel?: string;
      /**
       * Default: ¿Qué cita quieres cambiar? Responde con su número, por favor:
       * {list}
       */
      ask_booking_reschedule?: string;
      /**
       * Default: Perdón, no supe qué cita es. Responde con su número, por favor:
       * {list}
       */
      ask_booking_retry?: string;
      /** Default: ¿Cancelo tu cita: {booking}? */
      ask_confirm_cancel?: string;
      /** Default: Responde sí para cancelar {booking}, o no para conservarla. */
      ask_confirm_cancel_retry?: string;
      /** Default: Va, tu cita sigue en pie. ¿Te ayudo con algo más? */
      cancel_kept?: string;
      /** Default: Listo: tu cita {booking} quedó cancelada. ¿Te gustaría agendar algo más? */
      cancelled?: string;
      /** Default: Lo siento, nuestro sistema de citas no responde en este momento, así que tu cita no se canceló. Alguien del equipo te escribirá aquí en breve. */
      cancel_failed?: string;
      /** Default: Lo siento, esa cita ya no se puede cambiar por aquí. ¿Te ayudo con algo más? */
      manage_unavailable?: string;
      /** Default: Por tu seguridad solo puedo mostrar, cancelar o cambiar citas del número desde el que me escribes, y este chat no me lo comparte. Di "hablar con una persona" y alguien de nuestro equipo te ayudará. */
      manage_no_identity?: string;
      /** Default: Vamos a cambiar tu cita: {booking}. */
      reschedule_intro?: string;
      /**
       * Default: ¿Cambio tu cita?
       * De: {old}
       * A: {new}
       * ¿La cambio?
       */
      ask_reschedule_confirm?: string;
      /** Default: Responde sí para cambiarla a {new}, o no para dejar tu cita como está. */
      ask_reschedule_confirm_retry?: string;
      /** Default: Va, tu cita se queda como está: {booking}. ¿Te ayudo con algo más? */
      reschedule_kept?: string;
      /** Default: ¡Listo! Tu cita ahora es {new}, y la anterior ({old}) quedó cancelada. */
      rescheduled?: string;
      /** Default: Tu nueva cita quedó agendada: {new}. Todavía no pude cancelar la anterior ({old}); alguien del equipo se encargará. */
      rescheduled_old_kept?: string;
      /** Default: Paga aquí para asegurarla: {link} */
      pay_link?: string;
      /** Default: Lo siento, no pude cambiar tu cita porque nuestro sistema de citas no responde. No cambió nada: tu cita ({old}) sigue en pie. Alguien del equipo te escribirá aquí en breve. */
      reschedule_failed?: string;
      /** Default: {business} canceló tu cita {booking}. Disculpa las molestias. Respóndenos aquí si quieres otro horario. */
      cancelled_by_business?: string;
      /** Default: {business} cambió tu cita: ahora es {new} (antes era {old}). */
      rescheduled_by_business?: string;
      /**
       * Default: Precios:
       * {list}
       */
      faq_price?: string;
      /** Default: {service}: {price} */
      faq_price_line?: string;
      /**
       * Default: Duración:
       * {list}
       */
      faq_duration?: string;
      /** Default: {service}: {minutes} min */
      faq_duration_line?: string;
      /**
       * Default: Horario de {location}:
       * {hours}
       */
      faq_hours?: string;
      /** Default: {days}: {range} */
      faq_hours_line?: string;
      /** Default: cerrado */
      closed?: string;
      /** Default: {location}: {address} */
      faq_address?: string;
      /**
       * Default: Nuestros servicios en {location}:
       * {list}
       */
      faq_services?: string;
      /**
       * Default: Nuestros servicios:
       * {list}
       */
      faq_services_all?: string;
      /** Default: {service} ({price}) */
      faq_services_line?: string;
      /**
       * Default: Hola {name}, te recordamos tu cita: {booking}.
       * Responde confirmo para confirmarla, cancelar para cancelarla o cambiar para moverla.
       */
      reminder?: string;
      /** Default: Gracias, tu cita está confirmada: {booking}. ¡Te esperamos! */
      reminder_confirmed?: string;
      /**
       * Default: Nueva cita: {booking}
       * Cliente: {customer}
       */
      owner_booking?: string;
      /**
       * Default: Cancelada: {booking}
       * Cliente: {customer}
       */
      owner_cancellation?: string;
      /**
       * Default: Cambio de cita: {booking}
       * (antes {old})
       * Cliente: {customer}
       */
      owner_reschedule?: string;
      /**
       * Default: Un cliente necesita a una persona: {customer}
       * {summary}
       */
      owner_handoff?: string;
      /**
       * Default: {location}, {date}: {count} citas
       * {list}
       */
      owner_schedule?: string;
      /** Default: {staff}: */
      owner_schedule_staff?: string;
      /** Default:   {time} {services} — {customer} */
      owner_schedule_line?: string;
      /** Default: ¡Qué gusto verte de nuevo en {business}, {name}! */
      greeting_returning?: string;
      /** Default: ¿Lo mismo que la última vez: {choice}? Responde "lo mismo" para eso. */
      same_as_last?: string;
      /** Default: {services} en {location} */
      choice_label?: string;
      /**
       * Default: ¿Sigues ahí? Hasta ahora: {summary}
       * Responde aquí para continuar. No se aparta nada hasta que confirmes.
       */
      nudge?: string;
      /**
       * Default: La última vez estabas agendando: {summary}
       * Responde "continuar" para seguir desde ahí.
       */
      resume_offer?: string;
    };
  };
};
