/**
 * The bot's implementation, as a Botpress bot writes it: `bp gen` turns
 * bot.definition.ts into .botpress, whose Bot runs the Bookwell plugin from its
 * bundle (bp_modules/bookwell, installed by `bp add`). The bot can add its own
 * handlers beside the plugin, e.g. to tell the team a customer is waiting.
 */
import * as bp from '../.botpress';

export const bot = new bp.Bot({ actions: {} });

bot.on.event('bookwell#handoffRequested', async ({ event, logger }) => {
  logger.info(`a customer is waiting for a person: ${event.payload.summary}`);
});

export default bot;
