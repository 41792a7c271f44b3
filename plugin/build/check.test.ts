/** The bundle's checks flag what would break a plugin running from one file on Botpress Cloud. */
import type { Metafile } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { bundleProblems } from './check';

const metafile = (inputs: string[], imports: Array<{ path: string; external?: boolean }>): Metafile => ({
  inputs: Object.fromEntries(inputs.map((i) => [i, { bytes: 1, imports: [] }])),
  outputs: { 'plugin.cjs': { bytes: 1, inputs: {}, imports: imports.map((i) => ({ kind: 'require-call' as const, ...i })), exports: [] } },
});

describe('bundle checks', () => {
  test('a bundle of the plugin, its dependencies and Node built-ins passes', () => {
    expect(bundleProblems(metafile(['src/index.ts', '../node_modules/pg/lib/index.js'], [{ path: 'node:crypto', external: true }, { path: 'fs', external: true }]))).toEqual([]);
  });

  test('code of the CLI, the harness, the local host or the embedded database is named', () => {
    const problems = bundleProblems(metafile(['../cli/runtime.ts', '../harness/runner/index.ts', 'src/host/local.ts', 'src/store/embedded.ts', '../node_modules/@electric-sql/pglite/dist/index.js'], []));
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/cli\/runtime\.ts: the bookwell CLI/);
    expect(problems.join('\n')).toMatch(/src\/host\/local\.ts: the local Botpress host/);
  });

  test('a package left outside the bundle is named: it would need node_modules', () => {
    expect(bundleProblems(metafile([], [{ path: '@langchain/core', external: true }, { path: 'pg-native', external: true }]))).toEqual([
      '@langchain/core: required from outside the bundle (it would need a node_modules folder)',
    ]);
  });
});
