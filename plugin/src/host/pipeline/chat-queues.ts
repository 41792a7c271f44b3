/**
 * One queue per chat: a chat's items run one batch at a time in arrival
 * order; chats run in parallel up to `concurrency`. A batch waits until
 * `windowMs` after its first item arrived, so a burst can join it; `canJoin`
 * decides which waiting items join the first (consecutive ones only).
 */
import pLimit from 'p-limit';

export interface ChatQueueOptions<T> {
  windowMs: number;
  concurrency: number;
  canJoin(first: T, next: T): boolean;
  run(batch: T[]): Promise<void>;
  now?: () => number;
}

export interface ChatQueues<T> {
  push(chat: string, item: T): void;
  /** Resolves when nothing is waiting or running. */
  idle(): Promise<void>;
}

interface Chat<T> {
  pending: { item: T; arrivedAt: number }[];
  busy: boolean;
  timer?: NodeJS.Timeout;
}

export function createChatQueues<T>(opts: ChatQueueOptions<T>): ChatQueues<T> {
  const now = opts.now ?? Date.now;
  const limit = pLimit(opts.concurrency);
  const chats = new Map<string, Chat<T>>();
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];

  const settle = (count: number) => {
    inFlight -= count;
    if (inFlight > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((w) => w());
  };

  const schedule = (key: string, chat: Chat<T>) => {
    if (chat.busy || chat.timer || chat.pending.length === 0) return;
    const wait = Math.max(0, chat.pending[0]!.arrivedAt + opts.windowMs - now());
    const fire = () => {
      chat.timer = undefined;
      start(key, chat);
    };
    // setTimeout(0) costs a millisecond per turn; setImmediate does not
    chat.timer = wait > 0 ? setTimeout(fire, wait) : (setImmediate(fire) as unknown as NodeJS.Timeout);
  };

  const start = (key: string, chat: Chat<T>) => {
    const first = chat.pending[0]!.item;
    let size = 1;
    while (size < chat.pending.length && opts.canJoin(first, chat.pending[size]!.item)) size += 1;
    const batch = chat.pending.splice(0, size).map((p) => p.item);
    chat.busy = true;
    void limit(() => opts.run(batch))
      .catch(() => undefined) // run records its own failures; a chat never stalls on one
      .finally(() => {
        chat.busy = false;
        if (chat.pending.length) schedule(key, chat);
        else chats.delete(key);
        settle(batch.length);
      });
  };

  return {
    push(key, item) {
      const chat = chats.get(key) ?? { pending: [], busy: false };
      chats.set(key, chat);
      chat.pending.push({ item, arrivedAt: now() });
      inFlight += 1;
      schedule(key, chat);
    },
    idle() {
      return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
