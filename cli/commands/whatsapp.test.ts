import { describe, expect, test } from 'vitest';
import { startWhatsAppBridge } from '../../plugin/src/channels/whatsapp/bridge';
import { FakeWhatsApp } from '../../plugin/src/channels/whatsapp/testing/fake-client';
import { recordingLogger } from '../../plugin/src/channels/whatsapp/testing/logger';
import { resumeWhenReady } from './whatsapp';

/** The bridge on a fake WhatsApp whose `ready` comes only when the test says, as after a QR scan. */
function lateReady() {
  const world = new FakeWhatsApp();
  world.holdReady = true;
  const logger = recordingLogger();
  const bridge = startWhatsAppBridge({ createClient: world.createClient, sink: async () => ({ duplicate: false }), logger, sleep: async () => {}, sender: { retries: 0, minGapMs: 0 } });
  return { world, logger, bridge };
}

describe('bookwell whatsapp: resuming what the last run left', () => {
  test('waits until WhatsApp is ready, so a reply left unsent goes out', async () => {
    const { world, logger, bridge } = lateReady();
    let resumedAt: string | null = null;
    const resumed = resumeWhenReady(
      bridge,
      async () => {
        resumedAt = bridge.status().state;
        await bridge.sender.send('+96599887766', 'Your booking is confirmed');
      },
      logger,
    );
    await bridge.idle(); // WhatsApp Web started, not ready yet
    expect(resumedAt).toBeNull();

    world.becomeReady();
    await resumed;
    expect(resumedAt).toBe('ready');
    expect(world.sent).toEqual([{ chatId: '96599887766@c.us', text: 'Your booking is confirmed' }]);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    await bridge.stop();
  });

  test('resumes nothing, and does not hang, when stopped before WhatsApp was ready', async () => {
    const { bridge } = lateReady();
    let resumed = false;
    const done = resumeWhenReady(bridge, async () => void (resumed = true), recordingLogger());
    await bridge.idle();
    await bridge.stop();
    await done;
    expect(resumed).toBe(false);
  });

  test('a failed resume is logged, never thrown', async () => {
    const { world, logger, bridge } = lateReady();
    await bridge.idle();
    world.becomeReady();
    await resumeWhenReady(bridge, () => Promise.reject(new Error('database is down')), logger);
    expect(logger.lines).toContainEqual({ level: 'error', message: 'resuming unfinished messages failed', data: { error: 'database is down' } });
    await bridge.stop();
  });
});
