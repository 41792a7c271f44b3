/**
 * The bot's implementation: the Bookwell plugin does the booking
 * conversation; the bot can add its own handlers beside it, e.g. to tell the
 * team when a customer asks for a person.
 */
import * as sdk from '@botpress/sdk';
import plugin from '../../../plugin/src/index';

const configuration = {
  provider: { kind: 'nailit' as const, baseUrl: 'https://nailit.example.com/api' },
  business: { id: 'pearl-spa', name: 'Pearl Nail & Spa', country: 'KW', currency: 'KWD', timezone: 'Asia/Kuwait', languages: ['en' as const, 'ar' as const] },
};

export const bot = new sdk.Bot({
  actions: {},
  plugins: { bookwell: plugin.initialize({ alias: 'bookwell', configuration: configuration as never, interfaces: {}, integrations: {} }) },
});

bot.on.event('*', async ({ event, logger }) => {
  if (event.type === 'bookwell#handoffRequested') logger.info('a customer is waiting for a person', event.payload);
});

export default bot;
