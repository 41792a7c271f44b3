/**
 * The local host's hot statements in plain SQL, on the pool Prisma runs on
 * (store/sql.ts explains why: a Prisma operation costs about a millisecond of
 * compiling and mapping, a statement here a few hundredths). What every turn
 * through the host runs lives here, each in one statement:
 *
 * - the customer's message as Botpress records it (user, conversation,
 *   message, `message_created` event: `recordIncomingRows`), with the
 *   conversation's states read ahead;
 * - the conversation state's get-or-set, set, get, patch and delete;
 * - the bot's reply, stored under its key with its conversation read in the
 *   same statement (`createOutgoing`);
 * - the pipeline's inbound row and its handled mark, the outbox's row and its
 *   sent mark.
 *
 * Everything else (lists, admin reads, rare writes) stays on Prisma. Records
 * come back already in Botpress's shapes where the bot sees them: timestamps
 * as ISO strings made by the database (`iso()` below), so nothing is parsed
 * into a Date only to be printed again.
 *
 * Get-or-create is `INSERT … ON CONFLICT DO NOTHING` plus a read of the
 * existing row in the same statement. Both parts see the statement's snapshot,
 * so when another session inserts the same key between the snapshot and the
 * insert, neither part returns the row; the callers then read it in a second
 * statement (`undefined` from here). Timestamps go in as ISO strings cast to
 * `timestamp` (the columns hold UTC, as Prisma writes them).
 */
import type { Conversation, Message, State, User } from '@botpress/client';
import type { Sql } from '../store/sql';

export type { Sql };

/** A `timestamp(3)` column (UTC) as Botpress's ISO string, e.g. 2026-03-01T06:00:00.000Z. */
const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const json = (v: unknown) => JSON.stringify(v ?? {});

/** Botpress's objects built in SQL: the rows the bot sees and the event's payload are the same JSON. */
const USER_JSON = (u: string) =>
  `jsonb_strip_nulls(jsonb_build_object('name', ${u}.name, 'pictureUrl', ${u}."pictureUrl", 'attributes', ${u}.attributes))
   || jsonb_build_object('id', ${u}.id, 'tags', ${u}.tags, 'createdAt', ${iso(`${u}."createdAt"`)}, 'updatedAt', ${iso(`${u}."updatedAt"`)})`;
const CONVERSATION_JSON = (c: string) =>
  `jsonb_build_object('id', ${c}.id, 'channel', 'channel', 'integration', ${c}.channel, 'tags', COALESCE(${c}.tags, '{}'::jsonb),
     'createdAt', ${iso(`${c}."createdAt"`)}, 'updatedAt', ${iso(`${c}."updatedAt"`)})`;
const MESSAGE_JSON = (m: string) =>
  `jsonb_build_object('id', ${m}.id, 'conversationId', ${m}."conversationId", 'userId', ${m}."userId", 'direction', ${m}.direction, 'type', ${m}.type,
     'payload', ${m}.payload, 'tags', ${m}.tags, 'createdAt', ${iso(`${m}."createdAt"`)}, 'updatedAt', ${iso(`${m}."updatedAt"`)})
   || CASE WHEN ${m}.origin IS NOT NULL AND ${m}.origin <> '' THEN jsonb_build_object('origin', ${m}.origin) ELSE '{}'::jsonb END`;

export interface IncomingDraft {
  businessId: string;
  /** Now on the host's clock: the user's, message's and event's times. */
  at: Date;
  /** Now on the wall clock: a Conversation row's `updatedAt`, as Prisma's `@updatedAt` writes it. */
  wallClock: Date;
  user: { identity: string; integration: string; name: string | null; tags: Record<string, string> };
  /** The chat's Conversation row: (channel = integration, externalId). */
  conversation: { integration: string; externalId: string; tags: Record<string, string> };
  message: { type: string; payload: unknown; tags: Record<string, string>; key: string };
  ids: { user: string; conversation: string; message: string; event: string };
}

export interface IncomingRows {
  user: User;
  conversation: Conversation;
  message: Message;
  /** The conversation's states as they are now (read ahead: the bot reads its state first thing in a turn). */
  states: StateRow[];
}

/**
 * A customer's message as Botpress records it, in one statement: the user found by its identity or made;
 * the chat's Conversation row found (its tags merged in when the channel tells more) or made; the message
 * found by its key (the same channel message handled again) or made; a `message_created` event whose
 * payload is those three. `undefined`: another session made the user, row or message at this very moment
 * (run it again).
 */
export async function recordIncomingRows(sql: Sql, d: IncomingDraft): Promise<IncomingRows | undefined> {
  const { rows } = await sql.query<IncomingRows>({
    name: 'bookwell_host_incoming',
    text: `WITH u_new AS (
        INSERT INTO "HostUser" (id, "businessId", identity, integration, name, tags, "createdAt", "updatedAt")
        SELECT $2::text, $1::text, $3::text, $4::text, $5::text, $6::jsonb, $7::timestamp, $7::timestamp
        WHERE NOT EXISTS (SELECT 1 FROM "HostUser" WHERE "businessId" = $1 AND identity = $3)
        ON CONFLICT ("businessId", identity) DO NOTHING
        RETURNING *
      ), u AS (
        SELECT * FROM u_new UNION ALL SELECT * FROM "HostUser" WHERE "businessId" = $1 AND identity = $3 LIMIT 1
      ), c_old AS (
        SELECT * FROM "Conversation" WHERE "businessId" = $1 AND channel = $9 AND "externalId" = $10
      ), c_more AS (
        -- a row the outbox or the owner console made first, or a chat whose tags changed (a number learned later)
        UPDATE "Conversation" SET tags = COALESCE(tags, '{}'::jsonb) || $11::jsonb, "updatedAt" = $12::timestamp
        WHERE id = (SELECT id FROM c_old) AND NOT (COALESCE(tags, '{}'::jsonb) @> $11::jsonb)
        RETURNING *
      ), c_new AS (
        INSERT INTO "Conversation" (id, "businessId", channel, "externalId", tags, "updatedAt")
        SELECT $8::text, $1::text, $9::text, $10::text, $11::jsonb, $12::timestamp WHERE NOT EXISTS (SELECT 1 FROM c_old)
        ON CONFLICT ("businessId", channel, "externalId") DO NOTHING
        RETURNING *
      ), c AS (
        SELECT * FROM c_more UNION ALL SELECT * FROM c_new
        UNION ALL SELECT * FROM c_old WHERE NOT EXISTS (SELECT 1 FROM c_more)
        LIMIT 1
      ), m_new AS (
        INSERT INTO "HostMessage" (id, "businessId", "conversationId", "userId", direction, type, payload, tags, key, "createdAt", "updatedAt")
        SELECT $13::text, $1::text, c.id, u.id, 'incoming', $14::text, $15::jsonb, $16::jsonb, $17::text, $7::timestamp, $7::timestamp FROM c, u
        ON CONFLICT ("businessId", key) DO NOTHING
        RETURNING *
      ), m AS (
        SELECT * FROM m_new UNION ALL SELECT * FROM "HostMessage" WHERE "businessId" = $1 AND key = $17 LIMIT 1
      ), j AS (
        SELECT ${USER_JSON('u')} AS "user", ${CONVERSATION_JSON('c')} AS conversation, ${MESSAGE_JSON('m')} AS message, c.id AS cid, u.id AS uid, m.id AS mid
        FROM u, c, m
      ), e AS (
        INSERT INTO "HostEvent" (id, "businessId", type, payload, "conversationId", "userId", "messageId", status, "createdAt")
        SELECT $18::text, $1::text, 'message_created', jsonb_build_object('message', j.message, 'user', j."user", 'conversation', j.conversation),
          j.cid, j.uid, j.mid, 'pending', $7::timestamp
        FROM j
        RETURNING id
      )
      SELECT j."user", j.conversation, j.message,
        (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', s.id, 'type', s.type, 'ownerId', s."ownerId", 'name', s.name, 'payload', s.payload,
            'createdAt', ${iso('s."createdAt"')}, 'updatedAt', ${iso('s."updatedAt"')})), '[]'::jsonb)
          FROM "HostState" s WHERE s."businessId" = $1 AND s.type = 'conversation' AND s."ownerId" = j.cid) AS states
      FROM j, e`,
    values: [
      d.businessId, d.ids.user, d.user.identity, d.user.integration, d.user.name, json(d.user.tags), d.at.toISOString(),
      d.ids.conversation, d.conversation.integration, d.conversation.externalId, json(d.conversation.tags), d.wallClock.toISOString(),
      d.ids.message, d.message.type, json(d.message.payload), json(d.message.tags), d.message.key,
      d.ids.event,
    ],
  });
  return rows[0];
}

export interface OutgoingDraft {
  businessId: string;
  at: Date;
  id: string;
  conversationId: string;
  userId: string;
  direction: string;
  type: string;
  payload: unknown;
  tags: Record<string, string>;
  origin: string | null;
  /** The message's identity in a turn that may run again (host.ts); null: always a new message. */
  key: string | null;
}

/**
 * A message the bot posts, in one statement: its conversation read (none: `{ conversation: undefined }`),
 * the message stored, or, under a key already used, the message stored then. `message` undefined with a
 * conversation: another session stored that key at this very moment (read it again).
 */
export async function createOutgoingRow(sql: Sql, d: OutgoingDraft): Promise<{ conversation?: Conversation; message?: Message }> {
  const { rows } = await sql.query<{ conversation: Conversation; message: Message | null }>({
    name: 'bookwell_host_outgoing',
    text: `WITH c AS (
        SELECT * FROM "Conversation" WHERE id = $3 AND "businessId" = $1
      ), m_new AS (
        INSERT INTO "HostMessage" (id, "businessId", "conversationId", "userId", direction, type, payload, tags, origin, key, "createdAt", "updatedAt")
        SELECT $2::text, $1::text, c.id, $4::text, $5::text, $6::text, $7::jsonb, $8::jsonb, $9::text, $10::text, $11::timestamp, $11::timestamp FROM c
        ON CONFLICT ("businessId", key) DO NOTHING
        RETURNING *
      ), m AS (
        SELECT * FROM m_new UNION ALL SELECT * FROM "HostMessage" WHERE "businessId" = $1 AND key = $10 AND EXISTS (SELECT 1 FROM c) LIMIT 1
      )
      SELECT ${CONVERSATION_JSON('c')} AS conversation, (SELECT ${MESSAGE_JSON('m')} FROM m) AS message FROM c`,
    values: [d.businessId, d.id, d.conversationId, d.userId, d.direction, d.type, json(d.payload), json(d.tags), d.origin, d.key, d.at.toISOString()],
  });
  const r = rows[0];
  return r ? { conversation: r.conversation, ...(r.message ? { message: r.message } : {}) } : {};
}

/** A message by its key (after `createOutgoingRow` lost a race for it). */
export async function messageByKey(sql: Sql, q: { businessId: string; key: string }): Promise<Message | undefined> {
  const { rows } = await sql.query<{ message: Message }>({
    name: 'bookwell_host_message_by_key',
    text: `SELECT ${MESSAGE_JSON('m')} AS message FROM "HostMessage" m WHERE m."businessId" = $1 AND m.key = $2`,
    values: [q.businessId, q.key],
  });
  return rows[0]?.message;
}

export interface StateRef {
  businessId: string;
  type: string;
  ownerId: string;
  name: string;
}

/** A HostState row as the store maps it (toState adds the bot id and the owner's field). */
export interface StateRow {
  id: string;
  type: string;
  ownerId: string;
  name: string;
  payload: State['payload'];
  createdAt: string;
  updatedAt: string;
}

const STATE_COLUMNS = `id, type, "ownerId", name, payload, ${iso('"createdAt"')} AS "createdAt", ${iso('"updatedAt"')} AS "updatedAt"`;
const STATE_WHERE = `"businessId" = $1 AND type = $2 AND "ownerId" = $3 AND name = $4`;
const stateKey = (k: StateRef) => [k.businessId, k.type, k.ownerId, k.name];

export async function readState(sql: Sql, k: StateRef): Promise<StateRow | undefined> {
  const { rows } = await sql.query<StateRow>({ name: 'bookwell_host_state_get', text: `SELECT ${STATE_COLUMNS} FROM "HostState" WHERE ${STATE_WHERE}`, values: stateKey(k) });
  return rows[0];
}

/** The state, made with `payload` if there is none; undefined: another session made it at this very moment. */
export async function getOrSetStateRow(sql: Sql, k: StateRef, q: { id: string; payload: unknown; at: Date }): Promise<StateRow | undefined> {
  const { rows } = await sql.query<StateRow>({
    name: 'bookwell_host_state_get_or_set',
    text: `WITH s_new AS (
        INSERT INTO "HostState" (id, "businessId", type, "ownerId", name, payload, "createdAt", "updatedAt")
        SELECT $5::text, $1::text, $2::text, $3::text, $4::text, $6::jsonb, $7::timestamp, $7::timestamp
        WHERE NOT EXISTS (SELECT 1 FROM "HostState" WHERE ${STATE_WHERE})
        ON CONFLICT ("businessId", type, "ownerId", name) DO NOTHING
        RETURNING *
      )
      SELECT ${STATE_COLUMNS} FROM s_new UNION ALL SELECT ${STATE_COLUMNS} FROM "HostState" WHERE ${STATE_WHERE} LIMIT 1`,
    values: [...stateKey(k), q.id, json(q.payload), q.at.toISOString()],
  });
  return rows[0];
}

/** Replaces the payload (made if there is none). */
export async function setStateRow(sql: Sql, k: StateRef, q: { id: string; payload: unknown; at: Date }): Promise<StateRow> {
  const { rows } = await sql.query<StateRow>({
    name: 'bookwell_host_state_set',
    text: `INSERT INTO "HostState" (id, "businessId", type, "ownerId", name, payload, "createdAt", "updatedAt")
      VALUES ($5::text, $1::text, $2::text, $3::text, $4::text, $6::jsonb, $7::timestamp, $7::timestamp)
      ON CONFLICT ("businessId", type, "ownerId", name) DO UPDATE SET payload = EXCLUDED.payload, "updatedAt" = EXCLUDED."updatedAt"
      RETURNING ${STATE_COLUMNS}`,
    values: [...stateKey(k), q.id, json(q.payload), q.at.toISOString()],
  });
  return rows[0]!;
}

/** Shallow-merges `payload` into the state's (jsonb `||`: top-level keys replaced); undefined when there is none. */
export async function patchStateRow(sql: Sql, k: StateRef, q: { payload: unknown; at: Date }): Promise<StateRow | undefined> {
  const { rows } = await sql.query<StateRow>({
    name: 'bookwell_host_state_patch',
    text: `UPDATE "HostState" SET payload = payload || $5::jsonb, "updatedAt" = $6::timestamp WHERE ${STATE_WHERE} RETURNING ${STATE_COLUMNS}`,
    values: [...stateKey(k), json(q.payload), q.at.toISOString()],
  });
  return rows[0];
}

/** Deletes the state; what was removed, if any. */
export async function deleteStateRow(sql: Sql, k: StateRef): Promise<StateRow | undefined> {
  const { rows } = await sql.query<StateRow>({ name: 'bookwell_host_state_delete', text: `DELETE FROM "HostState" WHERE ${STATE_WHERE} RETURNING ${STATE_COLUMNS}`, values: stateKey(k) });
  return rows[0];
}

// ——— the inbound pipeline and the outbox (pipeline/prisma-store.ts) ———

/** The channel message stored once per (integration, externalId): false when it was stored before (a duplicate delivery). */
export async function insertInbound(
  sql: Sql,
  q: { id: string; businessId: string; channel: string; externalId: string; text: string; payload: unknown; receivedAt: Date },
): Promise<boolean> {
  const { rows } = await sql.query<{ id: string }>({
    name: 'bookwell_inbound_insert',
    text: `INSERT INTO "InboundMessage" (id, "businessId", channel, "externalId", text, payload, "receivedAt", status)
      VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, $6::jsonb, $7::timestamp, 'received')
      ON CONFLICT ("businessId", channel, "externalId") DO NOTHING
      RETURNING id`,
    values: [q.id, q.businessId, q.channel, q.externalId, q.text, json(q.payload), q.receivedAt.toISOString()],
  });
  return rows.length === 1;
}

/** Marks inbound rows handled or failed. */
export async function markInbound(sql: Sql, q: { ids: string[]; status: 'handled' | 'failed'; at: Date }): Promise<void> {
  await sql.query({
    name: 'bookwell_inbound_mark',
    // the ids as a JSON array: the same statement on the pool and through Prisma's raw queries
    text: `UPDATE "InboundMessage" SET status = $2, "handledAt" = $3::timestamp WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    values: [JSON.stringify(q.ids), q.status, q.at.toISOString()],
  });
}

/** The chat's Conversation row id, made if missing (the outbox can write to a chat no message came from). */
export async function chatConversationId(sql: Sql, q: { id: string; businessId: string; channel: string; externalId: string; wallClock: Date }): Promise<string> {
  const { rows } = await sql.query<{ id: string }>({
    name: 'bookwell_outbox_conversation',
    text: `WITH made AS (
        INSERT INTO "Conversation" (id, "businessId", channel, "externalId", "updatedAt")
        SELECT $1::text, $2::text, $3::text, $4::text, $5::timestamp
        WHERE NOT EXISTS (SELECT 1 FROM "Conversation" WHERE "businessId" = $2 AND channel = $3 AND "externalId" = $4)
        ON CONFLICT ("businessId", channel, "externalId") DO NOTHING
        RETURNING id
      )
      SELECT id FROM made UNION ALL SELECT id FROM "Conversation" WHERE "businessId" = $2 AND channel = $3 AND "externalId" = $4 LIMIT 1`,
    values: [q.id, q.businessId, q.channel, q.externalId, q.wallClock.toISOString()],
  });
  if (rows[0]) return rows[0].id;
  // made by another session at this very moment: it is there now
  const again = await sql.query<{ id: string }>({
    name: 'bookwell_outbox_conversation_found',
    text: `SELECT id FROM "Conversation" WHERE "businessId" = $1 AND channel = $2 AND "externalId" = $3`,
    values: [q.businessId, q.channel, q.externalId],
  });
  return again.rows[0]!.id;
}

/**
 * A reply stored pending before it is sent. With a key already stored (the same reply from a turn handled
 * again) the row of the first time as it is, `created: false`.
 */
export async function insertOutbound(
  sql: Sql,
  q: { id: string; businessId: string; conversationId: string; text: string; author: string | null; key: string | null; createdAt: Date },
): Promise<{ id: string; status: string; created: boolean } | undefined> {
  const { rows } = await sql.query<{ id: string; status: string; created: boolean }>({
    name: 'bookwell_outbound_insert',
    text: `WITH o_new AS (
        INSERT INTO "OutboundMessage" (id, "businessId", "conversationId", text, author, key, status, attempts, "createdAt")
        VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, $6::text, 'pending', 0, $7::timestamp)
        ON CONFLICT ("businessId", key) DO NOTHING
        RETURNING id, status
      )
      SELECT id, status, true AS created FROM o_new
      UNION ALL SELECT id, status, false AS created FROM "OutboundMessage" WHERE "businessId" = $2 AND key = $6
      LIMIT 1`,
    values: [q.id, q.businessId, q.conversationId, q.text, q.author, q.key, q.createdAt.toISOString()],
  });
  return rows[0];
}

/** A reply's delivery outcome. */
export async function updateOutboundRow(sql: Sql, q: { id: string; status: string; attempts: number; lastError: string | null; sentAt: Date | null }): Promise<void> {
  await sql.query({
    name: 'bookwell_outbound_update',
    text: `UPDATE "OutboundMessage" SET status = $2, attempts = $3, "lastError" = $4, "sentAt" = $5::timestamp WHERE id = $1`,
    values: [q.id, q.status, q.attempts, q.lastError, q.sentAt ? q.sentAt.toISOString() : null],
  });
}
