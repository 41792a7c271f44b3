/**
 * The WhatsApp bridge: keeps one whatsapp-web.js client alive and hands every
 * customer message to the inbound pipeline (`InboundSink`).
 *
 * - Listens to `message` only (never `message_create`, which also fires for
 *   our own replies), one listener per event per client instance.
 * - whatsapp-web.js does not reconnect by itself: on `disconnected` the client
 *   is destroyed and a new one built, with exponential backoff.
 * - After every `ready`, unread chats are fetched and delivered again; the
 *   pipeline drops what it already has (unique integration + message id).
 */
import qrcode from 'qrcode-terminal';
import { systemClock } from '../../runtime/clock';
import { backoffDelay, type Backoff } from '../../runtime/retry';
import type { ChannelSender, InboundChannelMessage, InboundSink } from '../types';
import type { WaClient, WaEvent, WaEvents, WaMessage } from './client-port';
import { errorMessage, type Logger } from './logger';
import { isCustomerMessage, isIgnoredChatId, normalizeMessage, toE164 } from './normalize';
import { createWhatsAppSender, type SenderOptions } from './sender';

export type BridgeState = 'starting' | 'qr' | 'authenticated' | 'ready' | 'reconnecting' | 'auth_failure' | 'stopped';

/** What the admin page shows. */
export interface BridgeStatus {
  state: BridgeState;
  /** The latest QR string while waiting for a phone to scan it; null otherwise. */
  qr: string | null;
  /** Last `change_state` from WhatsApp Web (`WAState`). */
  waState: string | null;
  /** Our number, E.164, once ready. */
  botPhone: string | null;
  reconnects: number;
  lastError: string | null;
  since: Date;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 60_000, factor: 2 };

export interface BridgeDeps {
  /** Builds a fresh client; called again for every reconnect (a destroyed client cannot be reused). */
  createClient: () => WaClient;
  sink: InboundSink;
  logger: Logger;
  backoff?: Partial<Backoff>;
  now?: () => Date;
  /** The waits between reconnects and sends (an injectable clock's). */
  sleep?: (ms: number) => Promise<void>;
  /** Shows a QR code to scan; default: printed in the terminal. */
  onQr?: (qr: string) => void;
  /**
   * When set, the bridge itself answers non-text messages (voice notes,
   * images, stickers, locations) with this text — only once per message, as it
   * asks the pipeline first. Leave unset when the plugin answers them.
   */
  mediaReply?: (message: InboundChannelMessage) => string | null;
  sender?: Partial<SenderOptions>;
}

export interface WhatsAppBridge {
  status(): BridgeStatus;
  /** Replies go out through this (the pipeline's `ChannelSender`). */
  sender: ChannelSender;
  /** Resolves once every message received so far has been handed to the sink, and any (re)connect has finished. */
  idle(): Promise<void>;
  /**
   * Resolves the first time WhatsApp is `ready` (replies can go out), which
   * whatsapp-web.js signals after `initialize()` has resolved, once the phone
   * is linked and the chats synced: that can be much later (a QR code to
   * scan). Stays pending through reconnects and auth failures; rejects when
   * the bridge is stopped before that.
   */
  ready(): Promise<void>;
  stop(): Promise<void>;
}

const printQr = (qr: string) => qrcode.generate(qr, { small: true });

export function startWhatsAppBridge(deps: BridgeDeps): WhatsAppBridge {
  const { logger, sink } = deps;
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms: number) => systemClock.sleep(ms));
  const backoff = { ...DEFAULT_BACKOFF, ...deps.backoff };

  let current: WaClient | null = null;
  let stopped = false;
  let attempt = 0;
  const status: BridgeStatus = { state: 'starting', qr: null, waState: null, botPhone: null, reconnects: 0, lastError: null, since: now() };
  const setState = (state: BridgeState) => Object.assign(status, { state, since: now(), qr: state === 'qr' ? status.qr : null });
  let becameReady!: () => void;
  let stoppedFirst!: (error: Error) => void;
  const firstReady = new Promise<void>((resolve, reject) => ((becameReady = resolve), (stoppedFirst = reject)));
  // nobody may be waiting: a stop before ready is not an unhandled rejection
  firstReady.catch(() => undefined);

  // E.164 → the chat id the customer wrote from (`…@c.us` or `…@lid`), so replies go back to that chat.
  const chatIds = new Map<string, string>();
  const lidToPhoneId = new Map<string, string>();
  // Per sender, messages reach the sink in the order WhatsApp emitted them.
  const lanes = new Map<string, Promise<boolean>>();
  const pending = new Set<Promise<unknown>>();

  const sender = createWhatsAppSender({
    client: () => (status.state === 'ready' ? current : null),
    chatIdFor: (phone) => chatIds.get(phone) ?? fallbackChatId(phone),
    logger,
    sleep,
    now,
    options: deps.sender,
  });

  function track<T>(p: Promise<T>): Promise<T> {
    pending.add(p);
    const done = () => pending.delete(p);
    p.then(done, done);
    return p;
  }

  async function phoneIdOfLid(lid: string): Promise<string | null> {
    const cached = lidToPhoneId.get(lid);
    if (cached || !current) return cached ?? null;
    const [found] = await current.getContactLidAndPhone([lid]);
    if (found?.pn) lidToPhoneId.set(lid, found.pn);
    return found?.pn ?? null;
  }

  /** Normalises one message and hands it to the sink; false when that failed (never throws). */
  async function handle(msg: WaMessage): Promise<boolean> {
    try {
      const inbound = await normalizeMessage(msg, { botPhone: status.botPhone, phoneIdOfLid, now });
      if (!inbound) {
        if (isCustomerMessage(msg)) logger.warn('no phone number for sender, message skipped', { from: msg.from, id: msg.id._serialized });
        return true;
      }
      chatIds.set(inbound.chatId, msg.from);
      const { duplicate } = await sink(inbound);
      const reply = !duplicate && inbound.kind !== 'text' ? deps.mediaReply?.(inbound) : null;
      // Stored is what counts for catch-up; a failed courtesy reply was already logged by the sender.
      if (reply) await sender.send(inbound.chatId, reply).catch(() => undefined);
      return true;
    } catch (err) {
      logger.error('inbound message failed', { id: msg.id._serialized, error: errorMessage(err) });
      return false;
    }
  }

  function deliver(msg: WaMessage): Promise<boolean> {
    const key = msg.from;
    const run = (lanes.get(key) ?? Promise.resolve(true)).then(() => handle(msg));
    lanes.set(key, run);
    void run.then(() => lanes.get(key) === run && lanes.delete(key));
    return track(run);
  }

  async function catchUp(client: WaClient): Promise<void> {
    let chats;
    try {
      chats = await client.getChats();
    } catch (err) {
      logger.warn('catch-up: could not list chats', { error: errorMessage(err) });
      return;
    }
    const unread = chats.filter((c) => c.unreadCount > 0 && !c.isGroup && !isIgnoredChatId(c.id._serialized));
    let messages = 0;
    for (const chat of unread) {
      // Disconnected meanwhile: the next `ready` catches up again.
      if (client !== current) return;
      try {
        const found = await chat.fetchMessages({ limit: chat.unreadCount, fromMe: false });
        found.sort((a, b) => a.timestamp - b.timestamp);
        const results = await Promise.all(found.map(deliver));
        messages += found.length;
        // Marked read only once stored, so a failure is retried by the next catch-up.
        if (results.every(Boolean)) await chat.sendSeen();
      } catch (err) {
        logger.warn('catch-up: chat failed', { chat: chat.id._serialized, error: errorMessage(err) });
      }
    }
    if (unread.length) logger.info('caught up on unread messages', { chats: unread.length, messages });
  }

  function listen(client: WaClient): void {
    const handlers: WaEvents = {
      qr: (qr) => {
        Object.assign(status, { qr });
        setState('qr');
        (deps.onQr ?? printQr)(qr);
        logger.info('scan the QR code with WhatsApp on the phone: Settings → Linked devices → Link a device');
      },
      authenticated: () => setState('authenticated'),
      auth_failure: (message) => {
        Object.assign(status, { lastError: `authentication failed: ${message}` });
        setState('auth_failure');
        logger.error('authentication failed; remove the session folder and link the phone again', { message });
      },
      ready: () => {
        attempt = 0;
        status.botPhone = client.info?.wid.user ? toE164(client.info.wid.user) : null;
        setState('ready');
        becameReady();
        logger.info('connected', { botPhone: status.botPhone });
        void track(catchUp(client));
      },
      change_state: (state) => {
        status.waState = state;
      },
      disconnected: (reason) => {
        status.reconnects += 1;
        Object.assign(status, { lastError: `disconnected: ${reason}` });
        setState('reconnecting');
        logger.warn(reason === 'LOGOUT' ? 'the phone unlinked this session; a new QR code follows' : 'disconnected, reconnecting', { reason });
        void track(reconnect(client));
      },
      message: (msg) => void deliver(msg),
    };
    for (const event of Object.keys(handlers) as WaEvent[]) {
      client.removeAllListeners(event);
      // Events from a client we already replaced are late echoes: ignored.
      const handler = handlers[event] as (...args: unknown[]) => void;
      client.on(event, ((...args: unknown[]) => client === current && !stopped && handler(...args)) as WaEvents[typeof event]);
    }
  }

  async function teardown(client: WaClient): Promise<void> {
    client.removeAllListeners();
    try {
      await client.destroy();
    } catch (err) {
      logger.warn('destroying the old client failed', { error: errorMessage(err) });
    }
  }

  async function connect(): Promise<void> {
    while (!stopped) {
      let client: WaClient | null = null;
      try {
        client = deps.createClient();
        current = client;
        listen(client);
        await client.initialize();
        return;
      } catch (err) {
        // A `disconnected` during start-up already tore this client down and is reconnecting.
        if (client && client !== current) return;
        Object.assign(status, { lastError: `could not start WhatsApp Web: ${errorMessage(err)}` });
        logger.error('could not start WhatsApp Web', { error: errorMessage(err) });
        current = null;
        if (client) await teardown(client);
        setState('reconnecting');
        await sleep(delay());
      }
    }
  }

  async function reconnect(old: WaClient): Promise<void> {
    current = null;
    await teardown(old);
    await sleep(delay());
    await connect();
  }

  /** The next wait of the reconnect backoff (`attempt` starts again at 0 once connected). */
  function delay(): number {
    return backoffDelay(backoff, attempt++);
  }

  void track(connect());

  return {
    status: () => ({ ...status }),
    sender,
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    ready: () => firstReady,
    async stop() {
      stopped = true;
      // a no-op once ready
      stoppedFirst(new Error('WhatsApp bridge stopped before it was ready'));
      const client = current;
      current = null;
      setState('stopped');
      await Promise.allSettled([...lanes.values()]);
      if (client) await teardown(client);
    },
  };
}

/** A chat not seen since start: WhatsApp ids are the digits, Mexican mobiles with their legacy `521`. */
function fallbackChatId(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `${/^52\d{10}$/.test(digits) ? `521${digits.slice(2)}` : digits}@c.us`;
}
