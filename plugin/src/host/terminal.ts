/**
 * A terminal as a chat channel. With a TTY: an interactive prompt. Without
 * one: one customer message per stdin line, each turn's replies printed
 * before the next line is sent, so `printf 'hi\n...' | bookwell dev` reads
 * like a transcript; returns at EOF once the last turn is out. With
 * `chats` (no TTY), each line is `<phone> <text>` from that customer's chat,
 * replies are printed `bot <phone>: <text>` and each turn ends with a line
 * `ok`: a script of many customers (the crash test drives it so).
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { ChannelSender, InboundSink } from '../channels/types';

export const TERMINAL_INTEGRATION = 'terminal';

/** Prints every bot reply as `bot: <text>`; `chats`: as `bot <chat id>: <text>`. */
export function terminalSender(output: NodeJS.WritableStream = process.stdout, opts: { chats?: boolean } = {}): ChannelSender {
  return {
    async send(chatId, text) {
      output.write(opts.chats ? `bot ${chatId}: ${text}\n` : `bot: ${text}\n`);
    },
  };
}

const CHAT_LINE = /^(\+\d{7,15})\s+(.*)$/;

export interface TerminalChatOptions {
  sink: InboundSink;
  /** Resolves when the pipeline has nothing waiting or running (`pipeline.idle`). */
  idle(): Promise<void>;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Default: both streams are TTYs. */
  interactive?: boolean;
  chatId?: string;
  userPhone?: string | null;
  userName?: string | null;
  botPhoneNumberId?: string | null;
  /** Lines are `<phone> <text>`, each from that customer (see the header). */
  chats?: boolean;
  /** Runs after each turn's replies, e.g. `--debug` printing state. */
  afterTurn?: () => Promise<void>;
  now?: () => Date;
}

export async function runTerminalChat(opts: TerminalChatOptions): Promise<void> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const interactive = opts.interactive ?? (!!input.isTTY && !!output.isTTY);
  const now = opts.now ?? (() => new Date());
  const chatId = opts.chatId ?? 'terminal';
  // unique across runs: a persistent store keeps earlier runs' message ids
  const run = randomUUID();
  let seq = 0;

  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  if (interactive) {
    rl.setPrompt('you: ');
    rl.prompt();
  }
  try {
    for await (const line of rl) {
      const addressed = opts.chats ? CHAT_LINE.exec(line.trim()) : null;
      if (opts.chats && !addressed) {
        if (line.trim()) output.write(`error: not "<phone> <text>": ${line.trim()}\n`);
        continue;
      }
      const text = addressed ? addressed[2]!.trim() : line.trim();
      if (text) {
        await opts.sink({
          integration: TERMINAL_INTEGRATION,
          externalId: `${run}-${++seq}`,
          chatId: addressed ? addressed[1]! : chatId,
          userPhone: addressed ? addressed[1]! : (opts.userPhone ?? null),
          userName: opts.userName ?? null,
          botPhoneNumberId: opts.botPhoneNumberId ?? null,
          kind: 'text',
          text,
          sentAt: now(),
        });
        await opts.idle();
        await opts.afterTurn?.();
        if (opts.chats) output.write('ok\n');
      }
      if (interactive) rl.prompt();
    }
  } finally {
    rl.close();
  }
  await opts.idle();
}
