import type * as sdk from "@botpress/sdk"
import type * as typings from "./typings/index"

export default {
  "alias": "bookwell",
  "interfaces": {},
  "integrations": {},
  "configuration": {
    "provider": {
      "baseUrl": "https://nailit.example.com/api",
      "token": "set-in-the-studio",
      "timeoutMs": 8000
    },
    "databaseUrl": "postgresql://bookwell@db.example.com:5432/bookwell",
    "business": {
      "id": "pearl-spa",
      "name": "Pearl Nail & Spa",
      "country": "KW",
      "currency": "KWD",
      "timezone": "Asia/Kuwait",
      "languages": [
        "en",
        "ar"
      ]
    },
    "booking": {
      "requireEmail": false,
      "deadlineMs": 20000,
      "reconcileMinutes": 1
    },
    "sync": {
      "fullSyncCron": "0 3 * * *",
      "slotRefreshMinutes": 20,
      "slotDays": 14
    },
    "handoff": {
      "enabled": true
    },
    "reminders": {
      "enabled": true,
      "offsetsHours": [
        24,
        2
      ],
      "quietHoursStart": "21:00",
      "quietHoursEnd": "09:00"
    },
    "followUp": {
      "returningCustomers": true,
      "nudgeAfterHours": 2,
      "expireAfterHours": 24
    },
    "owners": {
      "numbers": [
        "+96599000000"
      ],
      "notify": [
        "booking",
        "cancellation",
        "reschedule",
        "handoff"
      ],
      "morningSchedule": true,
      "morningScheduleTime": "08:00",
      "integration": "whatsapp"
    },
    "channels": {},
    "synonyms": {
      "SVC-101": [
        "mani"
      ]
    },
    "systemPrompt": "You are the booking assistant of {business}: warm, brief, never pushy.",
    "businessFacts": "Free parking in the mall basement. We use OPI and CND products. Children are welcome with an adult.",
    "llm": {
      "baseUrl": "https://api.openai.com/v1",
      "apiKey": "set-in-the-studio",
      "model": "gpt-4o-mini",
      "mode": "fallback",
      "timeoutMs": 8000
    },
    "replies": {
      "arabicGender": "feminine"
    },
    "templates": {
      "en": {
        "ask_name": "Lovely! What name should I book it under?"
      }
    }
  }
} satisfies sdk.PluginRuntimeProps<sdk.DefaultPlugin<typings.TPlugin>>