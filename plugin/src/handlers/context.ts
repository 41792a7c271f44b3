/**
 * What every handler starts with: the configuration parsed with its schema
 * (sdk 5.4.3 applies no defaults), the services for that business at the
 * call's clock, and booking events forwarded as the plugin's Botpress events.
 */
import type { BookingEvents } from '../booking';
import { parseConfiguration } from '../config/parse';
import type { Configuration } from '../config/schema';
import { servicesFor, type Services } from '../runtime/services';
import { noticeFor, type NoticeDeps } from '../owners/notices';

/** The plugin's event emitter, as the sdk's event proxy exposes it. */
export type PluginEvents = Record<
  'bookingConfirmed' | 'bookingCancelled' | 'handoffRequested' | 'syncFailed' | 'reminderDue' | 'ownerNotification',
  { emit(payload: never): Promise<unknown> }
>;

export interface HandlerContext {
  config: Configuration;
  services: Services;
}

export async function handlerContext(rawConfiguration: unknown, events: PluginEvents, now: () => Date): Promise<HandlerContext> {
  const config = parseConfiguration(rawConfiguration);
  let services: Services | null = null;
  const sink: BookingEvents = {
    async emit(name, payload) {
      await events[name].emit(payload as never);
      // and what the owners are told of it, queued once (sent by flushOwners after the handler)
      if (services) await noticeFor(ownerNoticeDeps(config, services, events, now), name, payload as unknown as Record<string, unknown>);
    },
  };
  services = await servicesFor(config, { now, events: sink });
  return { config, services };
}

export function ownerNoticeDeps(config: Configuration, services: Services, events: PluginEvents, now: () => Date): NoticeDeps {
  return {
    prisma: services.db.prisma,
    sql: services.sql,
    businessId: services.businessId,
    numbers: config.owners.numbers,
    notify: config.owners.notify,
    language: config.owners.language ?? config.business.languages[0]!,
    templates: config.templates,
    now,
    emit: async (payload) => void (await events.ownerNotification.emit(payload as never)),
  };
}

/** A clock that starts at `start` (the message's time: frozen in tests) and runs with real time. */
export function clockFrom(start: Date): () => Date {
  const t0 = performance.now();
  return () => new Date(start.getTime() + (performance.now() - t0));
}
