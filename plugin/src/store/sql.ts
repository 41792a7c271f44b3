/**
 * The turn's hot queries in plain SQL, on the pool Prisma runs on (pg, or
 * PGlite through pglite-socket): a Prisma operation costs about a
 * millisecond of compiling and mapping, a statement here a few hundredths.
 * Only what every message runs lives here (its conversation row, the catalog's
 * version and freshness, free windows); everything else stays on Prisma.
 *
 * Timestamps: the columns are `timestamp(3)` holding UTC (as Prisma writes
 * them). Parameters go in as ISO strings (the `Z` is ignored by the cast) and
 * come out `AT TIME ZONE 'UTC'`, so the process's time zone never matters.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Db } from './database';

/** What runs a statement: a pg pool, or Prisma's raw query where no pool is at hand. */
export interface Sql {
  query<R>(q: { name?: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

/** The database's own pool (named statements: each connection plans them once). */
export const sqlOf = (db: Pick<Database, 'connection'>): Sql => db.connection.pool as unknown as Sql;

/** The same statements through a Prisma client (tools and tests that hold only that). */
export function prismaSql(prisma: Db): Sql {
  return { query: async <R>(q: { text: string; values: unknown[] }) => ({ rows: (await prisma.$queryRawUnsafe(q.text, ...q.values)) as R[] }) };
}

const iso = (d: Date) => d.toISOString();

export interface ConversationRow {
  /** Our Conversation row's id: bookings and the handoff flag hang on it. */
  id: string;
  /** A person has the chat: the bot stays silent. */
  handoff: boolean;
  /** The channel-asserted number of the row's customer, if any. */
  customerPhone: string | null;
  /** The last customer turn and whether it left a booking half-made (followup/activity.ts); none on a new row. */
  lastTurnAt?: Date | null;
  inProgress?: boolean;
}

export interface TurnRow {
  /** Null before the first message of the conversation (or an action's) made it. */
  conversation: ConversationRow | null;
  /** The key of the catalog snapshot (Business.catalogVersion). */
  catalogVersion: number;
  /** Some active location is past `validUntil`: the catalog needs its just-in-time refresh. */
  catalogStale: boolean;
  /** A reminder sent in this conversation waits for its answer (reminders/answer.ts reads it then). */
  reminderOpen: boolean;
}

/** Everything a turn reads before it runs, in one statement: its conversation row (handoff flag, last activity), the catalog's version and freshness. */
export async function readTurnRow(sql: Sql, q: { businessId: string; conversationExternalId: string; now: Date }): Promise<TurnRow> {
  const { rows } = await sql.query<{ version: number; stale: boolean; id: string | null; handoff: boolean | null; phone: string | null; reminder: boolean; last: Date | null; busy: boolean | null }>({
    name: 'bookwell_turn_row',
    text: `SELECT b."catalogVersion" AS version,
        EXISTS (SELECT 1 FROM "Location" l WHERE l."businessId" = b.id AND l.active AND l."validUntil" < $3::timestamp) AS stale,
        c.id, c.handoff, cu.phone, c."lastTurnAt" AT TIME ZONE 'UTC' AS last, c."inProgress" AS busy,
        EXISTS (SELECT 1 FROM "Reminder" r WHERE r."businessId" = b.id AND r."conversationId" = $2 AND r.status = 'sent' AND r."answeredAt" IS NULL) AS reminder
      FROM "Business" b
      LEFT JOIN LATERAL (
        -- the chat's own row on the local host (its id is the conversation id), the Botpress conversation's row on Cloud
        SELECT * FROM "Conversation" c WHERE c."businessId" = b.id AND (c.id = $2 OR (c.channel = 'botpress' AND c."externalId" = $2))
        ORDER BY c.id = $2 DESC LIMIT 1
      ) c ON true
      LEFT JOIN "Customer" cu ON cu.id = c."customerId"
      WHERE b.id = $1`,
    values: [q.businessId, q.conversationExternalId, iso(q.now)],
  });
  const r = rows[0];
  if (!r) throw new Error(`no business ${q.businessId}`);
  return {
    conversation: r.id ? { id: r.id, handoff: !!r.handoff, customerPhone: r.phone, lastTurnAt: r.last, inProgress: !!r.busy } : null,
    catalogVersion: Number(r.version),
    catalogStale: !!r.stale,
    reminderOpen: !!r.reminder,
  };
}

/**
 * Our Conversation row for a Botpress conversation, and the Customer behind
 * it, created on first sight in one statement (on the local host the chat's
 * own row, whose id is the conversation id, only gets its customer). A row an action made first
 * gets its customer with the first message the channel vouches for. `phone`
 * is only ever the number the channel asserts (handlers/identity.ts).
 */
export async function writeConversationRow(
  sql: Sql,
  q: { businessId: string; conversationExternalId: string; phone: string | null; name: string | null },
): Promise<ConversationRow> {
  const { rows } = await sql.query<{ id: string; handoff: boolean; phone: string | null }>({
    name: 'bookwell_conversation_row',
    text: `WITH cu AS (
        INSERT INTO "Customer" (id, "businessId", phone, name, "updatedAt")
        SELECT $4, $1, $3::text, $5, now() WHERE $3::text IS NOT NULL
        ON CONFLICT ("businessId", phone) DO UPDATE SET phone = EXCLUDED.phone
        RETURNING id, phone
      )
      , own AS (
        -- on the local host the conversation is the chat's own row (its id): it gets the customer
        UPDATE "Conversation" c SET "customerId" = COALESCE((SELECT id FROM cu), c."customerId"), "updatedAt" = now()
        WHERE c."businessId" = $1 AND c.id = $2
        RETURNING c.id, c.handoff
      ), made AS (
        INSERT INTO "Conversation" (id, "businessId", channel, "externalId", "customerId", "updatedAt")
        SELECT $6, $1, 'botpress', $2, (SELECT id FROM cu), now() WHERE NOT EXISTS (SELECT 1 FROM own)
        ON CONFLICT ("businessId", channel, "externalId") DO UPDATE
          SET "customerId" = COALESCE(EXCLUDED."customerId", "Conversation"."customerId"), "updatedAt" = now()
        RETURNING id, handoff
      )
      SELECT id, handoff, (SELECT phone FROM cu) AS phone FROM own
      UNION ALL SELECT id, handoff, (SELECT phone FROM cu) AS phone FROM made`,
    values: [q.businessId, q.conversationExternalId, q.phone, randomUUID(), q.name, randomUUID()],
  });
  const r = rows[0];
  return { id: r.id, handoff: !!r.handoff, customerPhone: r.phone ?? null };
}

/** The turn's activity on its Conversation row (followup/activity.ts): when, whether a booking is half-made; a nudge owed afresh. */
export async function writeTurnActivity(sql: Sql, q: { conversationId: string; at: Date; inProgress: boolean }): Promise<void> {
  await sql.query({
    name: 'bookwell_turn_activity',
    text: `UPDATE "Conversation" SET "lastTurnAt" = $2::timestamp, "inProgress" = $3, "nudgedAt" = NULL, "updatedAt" = now() AT TIME ZONE 'UTC' WHERE id = $1`,
    values: [q.conversationId, iso(q.at), q.inProgress],
  });
}

/** The customer's language (customers/language.ts), written only when it changed. */
export async function writeCustomerLanguage(sql: Sql, q: { businessId: string; phone: string; language: string }): Promise<void> {
  await sql.query({
    name: 'bookwell_customer_language',
    text: `UPDATE "Customer" SET language = $3, "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE "businessId" = $1 AND phone = $2 AND (language IS NULL OR language <> $3)`,
    values: [q.businessId, q.phone, q.language],
  });
}

export interface SlotRow {
  start: Date;
  end: Date;
  /** The staff member's external id. */
  staffId: string;
  date: string;
  /** Past `validUntil`: its day needs the just-in-time refresh. */
  stale: boolean;
}

/** Active free windows of one location (by external id) overlapping [from, to), optionally of one staff member. */
export async function readSlots(sql: Sql, q: { businessId: string; locationId: string; from: Date; to: Date; staffId?: string; now: Date }): Promise<SlotRow[]> {
  const { rows } = await sql.query<SlotRow>({
    name: 'bookwell_slots',
    text: `SELECT s.start AT TIME ZONE 'UTC' AS start, s."end" AT TIME ZONE 'UTC' AS "end", st."externalId" AS "staffId", s.date,
        s."validUntil" < $6::timestamp AS stale
      FROM "Location" l
      JOIN "Slot" s ON s."businessId" = l."businessId" AND s."locationId" = l.id
      JOIN "Staff" st ON st.id = s."staffId"
      WHERE l."businessId" = $1 AND l."externalId" = $2 AND s.active
        AND s.start < $4::timestamp AND s."end" > $3::timestamp AND ($5::text IS NULL OR st."externalId" = $5)
      ORDER BY s.start, st."externalId"`,
    values: [q.businessId, q.locationId, iso(q.from), iso(q.to), q.staffId ?? null, iso(q.now)],
  });
  return rows.map((r) => ({ ...r, start: new Date(r.start), end: new Date(r.end) }));
}

/** The catalog's version and freshness alone (actions, tools: no conversation). */
export async function readCatalogState(sql: Sql, q: { businessId: string; now: Date }): Promise<{ catalogVersion: number; catalogStale: boolean }> {
  const { catalogVersion, catalogStale } = await readTurnRow(sql, { ...q, conversationExternalId: '' });
  return { catalogVersion, catalogStale };
}
