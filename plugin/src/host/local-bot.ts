/**
 * A bot that includes the Bookwell plugin — exactly what a bot builder writes
 * (see examples/bot) — for the local host, the harness and the tests.
 */
import * as sdk from '@botpress/sdk';
import type { ConfigurationInput } from '../config/schema';
import { createPlugin } from '../plugin';

export function createLocalBot(configuration: ConfigurationInput) {
  const bookwell = createPlugin().initialize({ alias: 'bookwell', configuration: configuration as never, interfaces: {}, integrations: {} });
  return new sdk.Bot({ actions: {}, plugins: { bookwell } });
}
