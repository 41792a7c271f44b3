/**
 * `npm run build:plugin` → dist/plugin.cjs, then its checks, size and cold-load
 * time, and the example bot's copies of it: bp_modules/bookwell/implementation.ts
 * (what `bp add` installs) and .botpress/…/plugins/bookwell/bundle.js (what
 * `bp gen` writes from it). `npm run bench:bundle` does the same with more cold
 * loads. `--runs N` sets how many cold loads (default 3).
 */
import { gzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { buildPluginBundle } from './bundle';
import { bundleProblems } from './check';
import { pluginBundlePaths } from './codegen/bot-types';
import { implementationFile } from './codegen/plugin-package';
import { readBotDefinition } from './codegen/read-definition';
import { coldLoads } from './cold-load';
import { BUNDLE_FILE, EXAMPLE_BOT_BOTPRESS_DIR, EXAMPLE_BOT_DEFINITION, EXAMPLE_PACKAGE_DIR, ROOT } from './paths';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

const t0 = performance.now();
const result = await buildPluginBundle(BUNDLE_FILE);
const buildMs = performance.now() - t0;
const problems = bundleProblems(result.metafile);
if (problems.length) {
  process.stderr.write(`${relative(ROOT, BUNDLE_FILE)} is not a self-contained plugin bundle:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}

// what `bp add` then `bp gen` install in the example bot: the package's implementation, the bot's plugin bundle
const bundle = readFileSync(BUNDLE_FILE);
const implementation = implementationFile(bundle);
writeFileSync(join(EXAMPLE_PACKAGE_DIR, implementation.path), implementation.content);
for (const path of pluginBundlePaths(await readBotDefinition(EXAMPLE_BOT_DEFINITION))) {
  mkdirSync(dirname(join(EXAMPLE_BOT_BOTPRESS_DIR, path)), { recursive: true });
  writeFileSync(join(EXAMPLE_BOT_BOTPRESS_DIR, path), bundle);
}

// the largest parts, so a dependency that grows the bundle shows up here
const parts = new Map<string, number>();
for (const [input, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
  const pkg = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? (input.startsWith('../generated/') ? 'generated Prisma client' : 'plugin sources');
  parts.set(pkg, (parts.get(pkg) ?? 0) + bytesInOutput);
}
const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 8);

const times = coldLoads(BUNDLE_FILE, runs);
const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
const lines = [
  `${relative(ROOT, BUNDLE_FILE)}: ${mb(result.bytes)} (${mb(gzipSync(readFileSync(BUNDLE_FILE)).length)} gzipped), built in ${Math.round(buildMs)} ms`,
  `  largest parts: ${top.map(([name, bytes]) => `${name} ${Math.round(bytes / 1024)} KB`).join(', ')}`,
  `  cold load (require in a fresh node, folder without node_modules), ${runs} runs: median ${median(times.map((t) => t.ms))} ms (min ${Math.round(times[0].ms)}, max ${Math.round(times.at(-1)!.ms)}), CPU median ${median(times.map((t) => t.cpuMs))} ms`,
];
process.stdout.write(`${lines.join('\n')}\n`);
