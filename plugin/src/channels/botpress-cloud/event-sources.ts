/**
 * The EventSources @botpress/chat 0.5.5 opens for `listenConversation`, made
 * reachable so a failed listen can close its own. The library builds one
 * `eventsource` 2.x EventSource per connect and keeps it to itself: when the
 * stream fails to open (e.g. a 503), the listen rejects but that EventSource
 * keeps retrying every second and, once through, holds a connection nobody
 * reads. We wrap the constructor the library `require`s (index.cjs, what Node
 * loads) and note every instance built during one listen call: the library
 * builds it synchronously, before its first await, so the call that is
 * running is the one it belongs to.
 */
import { createRequire } from 'node:module';

export interface Closable {
  close(): void;
}

type EventSourceCtor = new (url: string, init?: unknown) => Closable;

let capturing: Closable[] | null = null;
let installed: boolean | undefined;

/** Wraps the `eventsource` export in Node's module cache, once; false when the library does not load it that way. */
function install(): boolean {
  if (installed !== undefined) return installed;
  installed = false;
  try {
    const fromChat = createRequire(createRequire(import.meta.url).resolve('@botpress/chat'));
    const path = fromChat.resolve('eventsource');
    const Original = fromChat('eventsource') as EventSourceCtor;
    const cached = fromChat.cache[path];
    if (!cached || typeof Original !== 'function') return false;
    function Tracked(url: string, init?: unknown): Closable {
      const source = new Original(url, init);
      capturing?.push(source);
      return source;
    }
    Object.assign(Tracked, Original);
    Tracked.prototype = Original.prototype;
    cached.exports = Tracked;
    installed = true;
  } catch {
    // another build of the library (bundled EventSource): nothing to wrap
  }
  return installed;
}

/** Runs `open` and returns, beside its promise, the EventSources the library built for it. */
export function withEventSources<T>(open: () => Promise<T>): { result: Promise<T>; sources: Closable[] } {
  install();
  const sources: Closable[] = [];
  const outer = capturing;
  capturing = sources;
  try {
    return { result: open(), sources };
  } finally {
    capturing = outer;
  }
}

/** Closes them, ignoring errors: they are being discarded anyway. */
export function closeAll(sources: Closable[]): void {
  for (const source of sources.splice(0)) {
    try {
      source.close();
    } catch {
      // already closed
    }
  }
}
