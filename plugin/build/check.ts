/**
 * What the bundle may and may not contain, read from esbuild's metafile: no
 * code from the CLI, the harness, the local host or the admin page, no embedded
 * database, and nothing loaded from outside the file but Node's own modules —
 * so it runs from a folder with no node_modules.
 */
import { builtinModules } from 'node:module';
import type { Metafile } from 'esbuild';

/** Inputs (paths relative to plugin/) that must never be bundled, with why. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/^\.\.\/cli\//, 'the bookwell CLI'],
  [/^\.\.\/harness\//, 'the scenario harness'],
  [/^\.\.\/bench\//, 'a benchmark'],
  [/^src\/host\//, 'the local Botpress host'],
  [/^src\/admin\//, 'the admin page'],
  [/^src\/channels\/whatsapp\//, 'the whatsapp-web.js bridge'],
  [/^src\/provider\/simulator\//, 'the provider simulator'],
  [/^src\/store\/embedded\.ts$/, 'the embedded database'],
  [/node_modules\/@electric-sql\//, 'PGlite (the embedded database)'],
  [/node_modules\/(whatsapp-web\.js|puppeteer[^/]*|fastify|@botpress\/chat)\//, 'a local-host dependency'],
];

/**
 * Optional requires a dependency wraps in try/catch and never needs here:
 * pg's native binding (only behind `pg.native`) and debug's colour detection.
 */
export const OPTIONAL_EXTERNALS = new Set(['pg-native', 'supports-color']);

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

export function bundleProblems(metafile: Metafile): string[] {
  const problems: string[] = [];
  for (const input of Object.keys(metafile.inputs)) {
    const hit = FORBIDDEN.find(([re]) => re.test(input));
    if (hit) problems.push(`${input}: ${hit[1]} must not be in the plugin bundle`);
  }
  for (const output of Object.values(metafile.outputs)) {
    for (const imp of output.imports) {
      if (imp.external && !builtins.has(imp.path) && !OPTIONAL_EXTERNALS.has(imp.path)) {
        problems.push(`${imp.path}: required from outside the bundle (it would need a node_modules folder)`);
      }
    }
  }
  return problems;
}
