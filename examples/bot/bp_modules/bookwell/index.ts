/**
 * The package `bp add` would write for the Bookwell plugin; here it points at
 * the plugin's sources so the example type-checks without a build.
 * `implementation` is the bundled plugin (`bp build` in plugin/ produces it).
 */
import type { PluginPackage } from '@botpress/sdk';
import definition from '../../../../plugin/plugin.definition';

const bookwell = {
  type: 'plugin',
  name: definition.name,
  version: definition.version,
  definition,
  implementation: Buffer.from(''),
} satisfies PluginPackage;

export default bookwell;
