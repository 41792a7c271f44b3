#!/usr/bin/env node
// Runs the Prisma CLI offline. Prisma 6.19's CLI checks for its Node-API query
// engine even when the generated client uses the JS engine (engineType
// "client"), and tries to download it. We never load that library, so we point
// the check at an empty placeholder instead of letting it reach the network.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const placeholder = `${root}.bookwell/prisma-query-engine-unused.so.node`;
if (!existsSync(placeholder)) {
  mkdirSync(`${root}.bookwell`, { recursive: true });
  writeFileSync(placeholder, '');
}
const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const res = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
  env: { PRISMA_QUERY_ENGINE_LIBRARY: placeholder, PRISMA_HIDE_UPDATE_MESSAGE: '1', ...process.env },
});
process.exit(res.status ?? 1);
