/**
 * A fake whatsapp-web.js: `FakeWhatsApp` is the phone's side (chats, unread
 * counts, `@lid` ids, sent messages) and survives reconnects; each
 * `createClient()` builds a new `FakeWaClient` with the library's event and
 * method surface. Messages are the library's own `Message` structure, built
 * from the raw model WhatsApp Web hands over (no browser needed for that).
 */
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type { WaChat, WaClient, WaEvent, WaEvents, WaMessage } from '../client-port';

/** The raw message model (`window.WWebJS.getMessageModel`) that `new Message(client, data)` reads. */
export interface RawMessage {
  id: { fromMe: boolean; remote: string; id: string; _serialized: string; participant?: string };
  from: string;
  to: string;
  author?: string;
  body?: string;
  caption?: string;
  type: string;
  t: number;
  notifyName?: string;
  /** Set for downloadable media; the library derives `hasMedia` from it. */
  directPath?: string;
  isStatusV3?: boolean;
  broadcast?: boolean;
  lat?: number;
  lng?: number;
}

const require = createRequire(import.meta.url);
const Message = require('whatsapp-web.js/src/structures/Message.js') as new (client: unknown, data: RawMessage) => WaMessage;

export const BOT_NUMBER = '96522000000';
const BOT_ID = `${BOT_NUMBER}@c.us`;
const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'ptt', 'sticker', 'document']);

let nextId = 1;

/** A raw message as WhatsApp Web would hand it to the library. */
export function rawMessage(fields: { from: string; body?: string; type?: string; name?: string; t?: number; id?: string; fromMe?: boolean; author?: string }): RawMessage {
  const type = fields.type ?? 'chat';
  const fromMe = fields.fromMe ?? false;
  const remote = fields.from;
  const id = fields.id ?? `3EB0${String(nextId++).padStart(16, '0')}`;
  const participant = fields.author ? `_${fields.author}` : '';
  const media = MEDIA_TYPES.has(type);
  return {
    id: { fromMe, remote, id, _serialized: `${fromMe}_${remote}_${id}${participant}`, ...(fields.author ? { participant: fields.author } : {}) },
    from: fromMe ? BOT_ID : remote,
    to: fromMe ? remote : BOT_ID,
    author: fields.author,
    type,
    t: fields.t ?? 1_772_352_000,
    notifyName: fields.name,
    ...(media ? { directPath: `/v/t62/${id}`, caption: fields.body ?? '' } : { body: fields.body ?? '' }),
    ...(type === 'location' ? { lat: 29.3759, lng: 47.9774 } : {}),
    ...(remote === 'status@broadcast' ? { isStatusV3: true } : {}),
  };
}

interface ChatRecord {
  id: string;
  messages: RawMessage[];
  unread: number;
}

export class FakeWhatsApp {
  readonly clients: FakeWaClient[] = [];
  readonly sent: Array<{ chatId: string; text: string }> = [];
  readonly typing: Array<{ chatId: string; on: boolean }> = [];
  readonly chats = new Map<string, ChatRecord>();
  /** `@lid` → phone-number id, as WhatsApp's contact store knows it. */
  readonly lids = new Map<string, string>();
  linked = true;
  /** The next N `sendMessage` calls fail, like a page that went away mid-send. */
  failSends = 0;
  /** The next N `initialize` calls fail, like Chromium not starting. */
  failInitialize = 0;
  /**
   * Like whatsapp-web.js 1.34.7, whose `initialize()` resolves once the page
   * is set up and emits `ready` later (after the QR scan and the chat sync):
   * while true, `initialize()` resolves without `ready`; `becomeReady()` emits it.
   */
  holdReady = false;

  createClient = (): FakeWaClient => {
    const client = new FakeWaClient(this, this.clients.length + 1);
    this.clients.push(client);
    return client;
  };

  get current(): FakeWaClient | undefined {
    return this.clients.at(-1);
  }

  /** The message arrives on the phone; a ready client emits it `times` times (as `message_create` and `message`). */
  receive(raw: RawMessage, times = 1): WaMessage {
    const chat = this.chat(raw.id.remote);
    chat.messages.push(raw);
    if (!raw.id.fromMe) chat.unread += 1;
    const client = this.current;
    for (let i = 0; i < times; i++) client?.deliver(raw);
    return new Message(client, raw);
  }

  /** WhatsApp Web drops the connection: the library emits `disconnected`, then destroys itself. */
  disconnect(reason = 'NAVIGATION'): void {
    const client = this.current;
    if (!client?.ready) throw new Error('no connected client to disconnect');
    client.emit('disconnected', reason);
    void client.destroy();
  }

  /** Lets the held `ready` through (see `holdReady`). */
  becomeReady(): void {
    this.holdReady = false;
    const client = this.current;
    if (!client || client.destroyed || client.ready) throw new Error('no client waiting to be ready');
    client.markReady();
  }

  chat(id: string): ChatRecord {
    let chat = this.chats.get(id);
    if (!chat) this.chats.set(id, (chat = { id, messages: [], unread: 0 }));
    return chat;
  }
}

export class FakeWaClient extends EventEmitter implements WaClient {
  info?: { wid: { user: string; _serialized: string } };
  ready = false;
  destroyed = false;
  /** How many times each event got a listener on this instance. */
  readonly registrations: Partial<Record<string, number>> = {};

  constructor(
    private readonly world: FakeWhatsApp,
    readonly instance: number,
  ) {
    super();
  }

  override on<E extends WaEvent>(event: E, listener: WaEvents[E]): this {
    this.registrations[event] = (this.registrations[event] ?? 0) + 1;
    return super.on(event, listener as (...args: unknown[]) => void);
  }

  async initialize(): Promise<void> {
    await Promise.resolve();
    if (this.world.failInitialize > 0) {
      this.world.failInitialize -= 1;
      throw new Error('Failed to launch the browser process!');
    }
    if (!this.world.linked) {
      this.emit('qr', `2@fake-qr-${this.instance}`);
      this.world.linked = true;
    }
    this.emit('authenticated');
    if (!this.world.holdReady && !this.ready) this.markReady();
  }

  markReady(): void {
    this.emit('change_state', 'CONNECTED');
    this.info = { wid: { user: BOT_NUMBER, _serialized: BOT_ID } };
    this.ready = true;
    this.emit('ready');
  }

  async destroy(): Promise<void> {
    this.ready = false;
    this.destroyed = true;
  }

  deliver(raw: RawMessage): void {
    if (!this.ready) return;
    const message = new Message(this, raw);
    this.emit('message_create', message);
    if (!raw.id.fromMe) this.emit('message', message);
  }

  async sendMessage(chatId: string, content: string): Promise<WaMessage> {
    this.assertUsable();
    if (this.world.failSends > 0) {
      this.world.failSends -= 1;
      throw new Error('Evaluation failed: Error: Execution context was destroyed');
    }
    this.world.sent.push({ chatId, text: content });
    const raw = rawMessage({ from: chatId, body: content, fromMe: true });
    const chat = this.world.chat(chatId);
    chat.messages.push(raw);
    chat.unread = 0; // sendMessage marks the chat seen by default
    return new Message(this, raw);
  }

  async getChats(): Promise<WaChat[]> {
    this.assertUsable();
    return [...this.world.chats.keys()].map((id) => this.chatView(id));
  }

  async getChatById(chatId: string): Promise<WaChat | undefined> {
    this.assertUsable();
    return this.chatView(chatId);
  }

  async getContactLidAndPhone(userIds: string[]): Promise<Array<{ lid: string; pn: string }>> {
    this.assertUsable();
    return userIds.map((id) => ({ lid: id, pn: this.world.lids.get(id) as string }));
  }

  private chatView(id: string): WaChat {
    const world = this.world;
    const record = world.chat(id);
    return {
      id: { _serialized: id },
      isGroup: id.endsWith('@g.us'),
      unreadCount: record.unread,
      fetchMessages: async ({ limit, fromMe }) => {
        const matching = record.messages.filter((m) => fromMe === undefined || m.id.fromMe === fromMe);
        return matching.slice(limit ? -limit : 0).map((m) => new Message(this, m));
      },
      sendSeen: async () => {
        record.unread = 0;
        return true;
      },
      sendStateTyping: async () => world.typing.push({ chatId: id, on: true }),
      clearState: async () => world.typing.push({ chatId: id, on: false }),
    };
  }

  private assertUsable(): void {
    if (this.destroyed || !this.ready) throw new Error('Protocol error: Session closed. Most likely the page has been closed.');
  }
}
