// The CLI as plain JavaScript, cached: esbuild bundles cli/bookwell.ts and the project sources it
// reaches (packages stay external) into node_modules/.cache/bookwell-cli/, and rebuilds only when
// a file it was built from changed (size or mtime; a new import needs an edit of one of them), or
// esbuild, Node or these options did. Running the bundle with node skips tsx's loader on each of
// the ~300 modules a start loads: about half of the start-up's CPU (docs/operations.md).
// Each build goes to its own directory and index.json names the current one, so a process still
// running an older build keeps loading its chunks; older builds are pruned after a day.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BUILD_VERSION = 1;
const DAY_MS = 24 * 3600 * 1000;

/** Each project module keeps its own import.meta.url (fixtures, the Prisma client and the harness find files beside their source). */
const keepImportMetaUrl = {
  name: 'keep-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: args.path.endsWith('ts') ? 'ts' : 'js' };
    });
  },
};

const sameFile = ([path, size, mtimeMs], root) => {
  try {
    const s = statSync(join(root, path));
    return s.size === size && s.mtimeMs === mtimeMs;
  } catch {
    return false;
  }
};

/** The path of the bundled entry, built first if missing or stale; null when esbuild cannot be loaded. */
export async function cliBundle(root) {
  const require = createRequire(join(root, 'package.json'));
  let esbuildVersion;
  try {
    // its version only: esbuild itself is loaded when a build is needed
    esbuildVersion = JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')).version;
  } catch {
    return null;
  }
  const cache = join(root, 'node_modules', '.cache', 'bookwell-cli');
  const key = `${BUILD_VERSION} ${esbuildVersion} ${process.version} ${statSync(fileURLToPath(import.meta.url)).mtimeMs}`;
  const indexPath = join(cache, 'index.json');
  try {
    const index = JSON.parse(readFileSync(indexPath, 'utf8'));
    if (index.key === key && index.inputs.every((f) => sameFile(f, root))) return join(cache, index.dir, 'bookwell.js');
  } catch {
    // no build yet, or an unreadable index: build
  }
  const dir = `b${Date.now().toString(36)}-${process.pid}`;
  const started = performance.now();
  const esbuild = require('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { bookwell: 'cli/bookwell.ts' },
    outdir: join(cache, dir),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [keepImportMetaUrl],
  });
  const inputs = Object.keys(result.metafile.inputs).map((path) => {
    const s = statSync(join(root, path));
    return [path, s.size, s.mtimeMs];
  });
  const tmp = `${indexPath}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ key, dir, inputs }));
  renameSync(tmp, indexPath);
  if (process.env.BOOKWELL_LOG_LEVEL === 'debug') process.stderr.write(`bookwell: CLI bundled in ${Math.round(performance.now() - started)} ms (${relative(root, join(cache, dir))})\n`);
  for (const old of readdirSync(cache)) {
    const path = join(cache, old);
    if (old === dir || !/^b[0-9a-z]+-\d+$/.test(old)) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > DAY_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // pruned by another process meanwhile
    }
  }
  return join(cache, dir, 'bookwell.js');
}

/** For `node bin/cli-bundle.mjs`: build (if stale) and print the entry's path. */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(join(fileURLToPath(new URL('..', import.meta.url)), 'node_modules', '.cache'), { recursive: true });
  console.log(await cliBundle(fileURLToPath(new URL('..', import.meta.url))));
}
