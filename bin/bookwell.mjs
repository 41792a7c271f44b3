#!/usr/bin/env node
// The `bookwell` command (and `npm start`): the TypeScript CLI, bundled and cached by esbuild
// (bin/cli-bundle.mjs: rebuilt only when a source changed), run in this process. No build step to
// remember, and no tsx loader at each start. Without esbuild, the sources run through tsx as before.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliBundle } from './cli-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundled = process.env.BOOKWELL_CLI_TSX === '1' ? null : await cliBundle(root);
if (bundled) {
  // source maps are written beside it, not read at each start (about 0.1-0.3 s): NODE_OPTIONS=--enable-source-maps for stacks in TypeScript
  await import(pathToFileURL(bundled).href);
} else {
  const require = createRequire(import.meta.url);
  const tsx = require.resolve('tsx/cli');
  const entry = fileURLToPath(new URL('../cli/bookwell.ts', import.meta.url));
  const res = spawnSync(process.execPath, [tsx, entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(res.status ?? 1);
}
