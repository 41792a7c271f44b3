/** The Bookwell Botpress plugin, as the Botpress CLI bundles it. */
import { createPlugin } from './plugin';

export default createPlugin();
