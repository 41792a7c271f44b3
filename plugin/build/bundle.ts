/**
 * Builds the plugin the way the Botpress CLI bundles one for Node (`bp build`
 * → `bp bundle`, packages/cli/src/utils/esbuild-utils.ts and
 * command-implementations/bundle-command.ts): esbuild from an entry that
 * re-exports src/index as `default` and `handler`, bundle, platform node
 * (CommonJS), target es2020, keepNames, no legal comments, minified (the CLI's
 * default), no source map. We add only what the Prisma client needs to run
 * from one file: `import.meta.url` (used by the generated client at load)
 * defined from __filename, the query compiler's WASM embedded compressed, and
 * no paths of the build machine.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { PLUGIN_DIR, ROOT } from './paths';

/** What `bp bundle` builds for a plugin on Node (its browser ESM build is not needed here). */
export const CLI_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'es2020',
  legalComments: 'none',
  keepNames: true,
  minify: true,
  sourcemap: false,
  logOverride: { 'equals-negative-zero': 'silent' },
} as const satisfies esbuild.BuildOptions;

/** The CLI's entry code for a project whose implementation is src/index.ts. */
export const ENTRY = "import x from './src/index'; export default x; export const handler = x.handler;";

const IMPORT_META_URL = '__bookwell_import_meta_url';

/**
 * Prisma ships its query compiler as a 2.6 MB base64 module; the same bytes
 * gzipped are 0.75 MB, inflated in ~50 ms when the first query compiles it
 * (never at load: the client imports it lazily).
 */
const compressedPrismaWasm: esbuild.Plugin = {
  name: 'prisma-wasm-gzip',
  setup(build) {
    const require = createRequire(`${PLUGIN_DIR}/`);
    build.onResolve({ filter: /query_compiler_bg\.[a-z]+\.wasm-base64\.mjs$/ }, (args) => ({
      path: require.resolve(args.path.replace(/\.mjs$/, '.js')),
      namespace: 'prisma-wasm',
    }));
    build.onLoad({ filter: /.*/, namespace: 'prisma-wasm' }, (args) => {
      const { wasm } = require(args.path) as { wasm: string };
      const gz = gzipSync(Buffer.from(wasm, 'base64'), { level: 9 }).toString('base64');
      return {
        loader: 'js',
        resolveDir: PLUGIN_DIR,
        contents: `import { gunzipSync } from 'node:zlib';\nexport const wasm = gunzipSync(Buffer.from(${JSON.stringify(gz)}, 'base64')).toString('base64');\n`,
      };
    });
  },
};

/**
 * The generated Prisma client records where it was generated (absolute paths of
 * the build machine, unused by the query-compiler engine): made relative, so the
 * bundle carries nothing of the machine that built it and is the same on any.
 */
const machineFreePrismaClient: esbuild.Plugin = {
  name: 'prisma-client-without-build-paths',
  setup(build) {
    build.onLoad({ filter: /generated[\\/]prisma[\\/]internal[\\/]class\.ts$/ }, (args) => ({
      loader: 'ts',
      contents: readFileSync(args.path, 'utf8').split(ROOT).join(''),
    }));
  },
};

export interface BundleResult {
  outfile: string;
  bytes: number;
  metafile: esbuild.Metafile;
  warnings: esbuild.Message[];
}

export async function buildPluginBundle(outfile: string): Promise<BundleResult> {
  const result = await esbuild.build({
    ...CLI_OPTIONS,
    absWorkingDir: PLUGIN_DIR,
    stdin: { contents: ENTRY, resolveDir: PLUGIN_DIR, loader: 'ts' },
    outfile,
    write: true,
    metafile: true,
    logLevel: 'silent',
    define: { 'import.meta.url': IMPORT_META_URL },
    banner: { js: `var ${IMPORT_META_URL} = require('url').pathToFileURL(__filename).href;` },
    plugins: [compressedPrismaWasm, machineFreePrismaClient],
  });
  return { outfile, bytes: readFileSync(outfile).length, metafile: result.metafile, warnings: result.warnings };
}
