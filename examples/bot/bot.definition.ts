/**
 * A Botpress bot that takes bookings with the Bookwell plugin. The plugin's
 * configuration is what the studio shows; only `business` and the provider
 * are required, everything else has defaults (docs/configuration.md).
 */
import * as sdk from '@botpress/sdk';
import bookwell from './bp_modules/bookwell';

export default new sdk.BotDefinition({}).addPlugin(bookwell, {
  configuration: {
    provider: { baseUrl: 'https://nailit.example.com/api', token: 'set-in-the-studio', timeoutMs: 8000 },
    databaseUrl: 'postgresql://bookwell@db.example.com:5432/bookwell',
    business: { id: 'pearl-spa', name: 'Pearl Nail & Spa', country: 'KW', currency: 'KWD', timezone: 'Asia/Kuwait', languages: ['en', 'ar'] },
    booking: { requireEmail: false, deadlineMs: 20_000, reconcileMinutes: 1 },
    sync: { fullSyncCron: '0 3 * * *', slotRefreshMinutes: 20, slotDays: 14 },
    handoff: { enabled: true },
    reminders: { enabled: true, offsetsHours: [24, 2], quietHoursStart: '21:00', quietHoursEnd: '09:00' },
    followUp: { returningCustomers: true, nudgeAfterHours: 2, expireAfterHours: 24 },
    owners: { numbers: ['+96599000000'], notify: ['booking', 'cancellation', 'reschedule', 'handoff'], morningSchedule: true, morningScheduleTime: '08:00', integration: 'whatsapp' },
    // chatProfileSecret: only when `bookwell whatsapp` forwards to this bot (docs/whatsapp.md)
    channels: {},
    synonyms: { 'SVC-101': ['mani'] },
    systemPrompt: 'You are the booking assistant of {business}: warm, brief, never pushy.',
    businessFacts: 'Free parking in the mall basement. We use OPI and CND products. Children are welcome with an adult.',
    // an OpenAI-compatible model for what the rules miss (docs/llm.md); mode off keeps the bot on rules only
    llm: { baseUrl: 'https://api.openai.com/v1', apiKey: 'set-in-the-studio', model: 'gpt-4o-mini', mode: 'fallback', timeoutMs: 8000 },
    // a ladies' spa: Arabic replies address the customer in the feminine
    replies: { arabicGender: 'feminine' },
    templates: { en: { ask_name: 'Lovely! What name should I book it under?' } },
  },
  dependencies: {},
});
