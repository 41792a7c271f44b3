/** Where the plugin's build reads and writes, from the repository root. */
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PLUGIN_DIR = `${ROOT}plugin`;
export const BOTPRESS_DIR = `${ROOT}plugin/.botpress`;
export const MIGRATIONS_DIR = `${ROOT}prisma/migrations`;
export const MIGRATIONS_MODULE = `${ROOT}plugin/src/store/migrations.generated.ts`;
export const EXAMPLE_PACKAGE_DIR = `${ROOT}examples/bot/bp_modules/bookwell`;
export const EXAMPLE_BOT_BOTPRESS_DIR = `${ROOT}examples/bot/.botpress`;
export const EXAMPLE_BOT_DEFINITION = `${ROOT}examples/bot/bot.definition.ts`;
export const BUNDLE_FILE = `${ROOT}dist/plugin.cjs`;
