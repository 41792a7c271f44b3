import { PassThrough, Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import type { Database } from '../store/database';
import { startHost, type Host } from './host';
import { createPipeline } from './pipeline';
import { createPrismaPipelineStore } from './pipeline/prisma-store';
import { createOutbox } from './pipeline/outbox';
import { runTerminalChat, TERMINAL_INTEGRATION, terminalSender } from './terminal';
import { hostStoreFor, textBot } from './testing';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const hosts: Host[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

describe('terminal chat', () => {
  it('without a TTY: one message per line, every reply printed before the next line, done at EOF', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d: Buffer) => (printed += d.toString()));
    let turns = 0;
    // slower first turn: a reply printed after the next line was read would show up out of order
    const bot = textBot(async (text, reply) => {
      turns += 1;
      if (turns === 1) await new Promise((r) => setTimeout(r, 30));
      await reply(`you said ${text}`);
      await reply(`(turn ${turns})`);
    });
    const hostStore = await hostStoreFor(db.prisma, 'terminal-test');
    const store = createPrismaPipelineStore({ prisma: db.prisma, businessId: 'terminal-test' });
    const outbox = createOutbox({ store, senders: { [TERMINAL_INTEGRATION]: terminalSender(output) } });
    const host = await startHost({ bot, botId: 'bot', store: hostStore, deliver: outbox.deliver });
    hosts.push(host);
    const pipeline = createPipeline({ store, handle: host.handleIncoming, burstWindowMs: 0 });

    const printedBeforeLine: string[] = [];
    const sink: typeof pipeline.sink = (m) => (printedBeforeLine.push(printed), pipeline.sink(m));

    await runTerminalChat({ sink, idle: pipeline.idle, input: Readable.from(['hi\n', '\n', 'gel manicure\ntomorrow']), output });
    expect(printedBeforeLine[1]).toBe('bot: you said hi\nbot: (turn 1)\n');
    expect(printed).toBe('bot: you said hi\nbot: (turn 1)\nbot: you said gel manicure\nbot: (turn 2)\nbot: you said tomorrow\nbot: (turn 3)\n');
  });
});
