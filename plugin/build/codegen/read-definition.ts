/**
 * Reads a bot.definition.ts the way the Botpress CLI reads a project's
 * definition (bundled by esbuild, then evaluated; project-command.ts), with two
 * differences: packages stay outside (the definition shares this process's
 * @botpress/sdk), and a plugin package's implementation is not loaded — the
 * generators need only the definitions, and ours is a build output that a
 * fresh clone does not have yet.
 */
import { createRequire } from 'node:module';
import type * as sdk from '@botpress/sdk';
import * as esbuild from 'esbuild';

const withoutImplementations: esbuild.Plugin = {
  name: 'without-implementations',
  setup(build) {
    build.onResolve({ filter: /^\.\/implementation$/ }, (args) => (args.importer.includes('/bp_modules/') ? { path: args.importer, namespace: 'without-implementation' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'without-implementation' }, () => ({ contents: 'export default Buffer.alloc(0)', loader: 'js' }));
  },
};

export async function readBotDefinition(file: string): Promise<sdk.BotDefinition> {
  const { outputFiles } = await esbuild.build({
    entryPoints: [file],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    write: false,
    logLevel: 'silent',
    plugins: [withoutImplementations],
  });
  const module = { exports: {} as { default?: sdk.BotDefinition } };
  new Function('require', 'module', 'exports', outputFiles[0].text)(createRequire(file), module, module.exports);
  if (!module.exports.default) throw new Error(`${file}: its default export is not a bot definition`);
  return module.exports.default;
}
