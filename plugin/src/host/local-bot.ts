/**
 * A bot that includes the Bookwell plugin — exactly what a bot builder writes
 * (see examples/bot) — for the local host, the harness and the tests. The
 * plugin comes from the sources, or from a bundle (bundle.ts).
 */
import * as sdk from '@botpress/sdk';
import type { ConfigurationInput } from '../config/schema';
import { createPlugin } from '../plugin';

/** The plugin as src/index.ts exports it, and as a bundle built from it exports it as `default`. */
export type BookwellPlugin = ReturnType<typeof createPlugin>;

export function createLocalBot(configuration: ConfigurationInput, plugin: BookwellPlugin = createPlugin()) {
  const bookwell = plugin.initialize({ alias: 'bookwell', configuration: configuration as never, interfaces: {}, integrations: {} });
  return new sdk.Bot({ actions: {}, plugins: { bookwell } });
}
