/**
 * The slice of whatsapp-web.js (1.34) that the bridge uses, as a port: the
 * real `Client` satisfies it (checked by `createWwebjsClient` below), and
 * tests use a fake with the same surface (testing/fake-client.ts). Other
 * modules import only its types, so loading them never loads puppeteer.
 */
import wweb from 'whatsapp-web.js';

/** Fields of whatsapp-web.js's `Message` that we read (src/structures/Message.js). */
export interface WaMessage {
  id: { _serialized: string; fromMe: boolean; remote: string; id: string };
  /** Sender's chat id: `<number>@c.us`, `<lid>@lid`, `<group>@g.us`, `status@broadcast`, `<id>@newsletter`. */
  from: string;
  to: string;
  /** Group messages: the member who wrote it. */
  author?: string;
  body: string;
  /** `MessageTypes` value: 'chat', 'image', 'ptt', 'location', ... */
  type: string;
  /** Unix seconds. */
  timestamp: number;
  hasMedia: boolean;
  fromMe: boolean;
  isStatus: boolean;
  broadcast: boolean;
  /** The raw model from WhatsApp Web; `notifyName` is the sender's profile name (pushname). */
  readonly rawData: object;
}

/** Fields and methods of whatsapp-web.js's `Chat` that we use. */
export interface WaChat {
  id: { _serialized: string };
  isGroup: boolean;
  unreadCount: number;
  fetchMessages(options: { limit?: number; fromMe?: boolean }): Promise<WaMessage[]>;
  sendSeen(): Promise<boolean>;
  sendStateTyping(): Promise<unknown>;
  clearState(): Promise<unknown>;
}

/** Events the bridge listens to, with their payloads (index.d.ts `Client.on` overloads). */
export interface WaEvents {
  qr: (qr: string) => void;
  authenticated: () => void;
  auth_failure: (message: string) => void;
  ready: () => void;
  /** `WAState` value, e.g. 'CONNECTED', 'CONFLICT', 'UNPAIRED'. */
  change_state: (state: string) => void;
  /** `WAState` value or 'LOGOUT'. */
  disconnected: (reason: string) => void;
  message: (message: WaMessage) => void;
}

export type WaEvent = keyof WaEvents;

export interface WaClient {
  /** Set once the client is ready: our own WhatsApp id (`wid.user` is the number). */
  info?: { wid: { user: string; _serialized: string } };
  on<E extends WaEvent>(event: E, listener: WaEvents[E]): unknown;
  removeAllListeners(event?: string): unknown;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  sendMessage(chatId: string, content: string): Promise<unknown>;
  getChats(): Promise<WaChat[]>;
  getChatById(chatId: string): Promise<WaChat | undefined>;
  /** Maps `@lid` ids to phone-number ids (`pn` like `96599887766@c.us`), and back. */
  getContactLidAndPhone(userIds: string[]): Promise<Array<{ lid: string; pn: string }>>;
}

export interface WwebjsConfig {
  /** Chromium/Chrome binary; puppeteer never downloads one here (.puppeteerrc.cjs). */
  chromiumPath: string;
  /** LocalAuth session folder. */
  sessionDir?: string;
  /** Chromium's sandbox cannot run as root, so it is turned off then. */
  runningAsRoot?: boolean;
}

export const DEFAULT_SESSION_DIR = '.bookwell/whatsapp';

/** The Chromium flags: --no-sandbox only when root, plus the usual ones for servers without /dev/shm room or a GPU. */
export function chromiumArgs(root: boolean): string[] {
  const common = ['--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--no-default-browser-check'];
  return root ? ['--no-sandbox', '--disable-setuid-sandbox', ...common] : common;
}

/** Builds the real whatsapp-web.js client (Chromium is started by `initialize()`, not here). */
export function createWwebjsClient(config: WwebjsConfig): WaClient {
  const root = config.runningAsRoot ?? process.getuid?.() === 0;
  const dir = config.sessionDir ?? DEFAULT_SESSION_DIR;
  const client: WaClient = new wweb.Client({
    authStrategy: new wweb.LocalAuth({ dataPath: dir }),
    // The WhatsApp Web page cache goes beside the session instead of ./.wwebjs_cache.
    webVersionCache: { type: 'local', path: `${dir}/web-cache` },
    puppeteer: { executablePath: config.chromiumPath, args: chromiumArgs(root), headless: true },
  });
  return client;
}
