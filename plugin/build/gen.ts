/**
 * `npm run gen:plugin`: writes what is generated from the sources and checked
 * in (generated.ts), and deletes what a fresh generation no longer has.
 * `--check` changes nothing and exits 1 when something is stale.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { generatedTrees, staleness } from './generated';
import { ROOT } from './paths';

const { write, remove } = staleness(await generatedTrees());
if (process.argv.includes('--check')) {
  for (const path of [...write.keys(), ...remove]) process.stderr.write(`stale: ${relative(ROOT, path)}\n`);
  if (write.size + remove.length) process.stderr.write('run npm run gen:plugin\n');
  process.exit(write.size + remove.length ? 1 : 0);
}
for (const [path, content] of write) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
for (const path of remove) rmSync(path);
process.stderr.write(`gen:plugin: ${write.size} written, ${remove.length} deleted\n`);
