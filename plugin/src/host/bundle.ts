/**
 * Loads the plugin from a bundle built by `npm run build:plugin` (what a
 * Botpress Cloud bot runs) instead of the sources: `bookwell dev --bundle`.
 * The bundle is CommonJS with the plugin as `default`, as `bp build` makes it.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { BookwellPlugin } from './local-bot';

export function loadPluginBundle(file: string): BookwellPlugin {
  const path = resolve(file);
  if (!existsSync(path)) throw new Error(`plugin bundle ${file}: no such file (build it with npm run build:plugin)`);
  const plugin = (createRequire(import.meta.url)(path) as { default?: BookwellPlugin }).default;
  if (typeof plugin?.initialize !== 'function') throw new Error(`plugin bundle ${file}: its default export is not a Botpress plugin`);
  return plugin;
}
