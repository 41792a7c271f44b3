/**
 * What every handler starts with: the configuration parsed with its schema
 * (sdk 5.4.3 applies no defaults), the services for that business at the
 * call's clock, and booking events forwarded as the plugin's Botpress events.
 */
import type { BookingEvents } from '../booking';
import { parseConfiguration } from '../config/parse';
import type { Configuration } from '../config/schema';
import { servicesFor, type Services } from '../runtime/services';

/** The plugin's event emitter, as the sdk's event proxy exposes it. */
export type PluginEvents = Record<'bookingConfirmed' | 'bookingCancelled' | 'handoffRequested' | 'syncFailed' | 'reminderDue', { emit(payload: never): Promise<unknown> }>;

export interface HandlerContext {
  config: Configuration;
  services: Services;
}

export async function handlerContext(rawConfiguration: unknown, events: PluginEvents, now: () => Date): Promise<HandlerContext> {
  const config = parseConfiguration(rawConfiguration);
  const sink: BookingEvents = { emit: (name, payload) => events[name].emit(payload as never).then(() => undefined) };
  return { config, services: await servicesFor(config, { now, events: sink }) };
}

/** A clock that starts at `start` (the message's time: frozen in tests) and runs with real time. */
export function clockFrom(start: Date): () => Date {
  const t0 = performance.now();
  return () => new Date(start.getTime() + (performance.now() - t0));
}
