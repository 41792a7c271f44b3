/** npm run docs:config — regenerates the plugin configuration table in docs/configuration.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withReference } from '../plugin/src/config/reference';

const path = new URL('../docs/configuration.md', import.meta.url);
writeFileSync(path, withReference(readFileSync(path, 'utf8')));
console.log('docs/configuration.md: plugin configuration reference regenerated');
