/**
 * What is generated and checked in cannot drift from its sources: the
 * compiled-in migrations from prisma/migrations, plugin/.botpress from the
 * definition (`bp gen`), the example bot's bp_modules/bookwell (`bp add`) and
 * .botpress (`bp gen`); and the plugin package says what the definition says.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PluginDefinition, z } from '@botpress/sdk';
import { afterAll, describe, expect, test } from 'vitest';
import definition from '../plugin.definition';
import { pluginTypesFiles } from './codegen/plugin-types';
import { generatedTrees, staleness } from './generated';
import { renderMigrationsModule } from './migrations';
import { MIGRATIONS_DIR, PLUGIN_DIR, ROOT } from './paths';

const scratch = mkdtempSync(join(tmpdir(), 'bookwell-gen-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('generated files', () => {
  test('are what a fresh generation writes (else: npm run gen:plugin)', async () => {
    const { write, remove } = staleness(await generatedTrees());
    expect({ stale: [...write.keys()].map((p) => relative(ROOT, p)), extra: remove.map((p) => relative(ROOT, p)) }).toEqual({ stale: [], extra: [] });
  }, 60_000);

  test('a new migration folder is compiled in, in name order, byte for byte', () => {
    const dir = join(scratch, 'migrations');
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    mkdirSync(join(dir, '20261203170000_add_note'));
    const sql = 'ALTER TABLE "Customer" ADD COLUMN "note" TEXT;\r\n-- “quoted” ٣\n';
    writeFileSync(join(dir, '20261203170000_add_note', 'migration.sql'), sql);
    const module = renderMigrationsModule(dir);
    expect(module).not.toBe(renderMigrationsModule(MIGRATIONS_DIR));
    expect(module.indexOf('20261203170000_add_note')).toBeGreaterThan(module.indexOf('20261122000000_init'));
    expect(module).toContain(JSON.stringify(sql));
  });

  test('typings follow the definition: an action, an event or a state added there appears in plugin/.botpress', async () => {
    const def = new PluginDefinition({
      name: 'probe',
      version: '1.2.3',
      states: { cart: { type: 'user', schema: z.object({ items: z.array(z.string()) }) } },
      events: { paid: { schema: z.object({ amount: z.number() }) } },
      actions: { addItem: { input: { schema: z.object({ sku: z.string() }) }, output: { schema: z.object({ count: z.number().optional() }) } } },
    });
    const files = new Map((await pluginTypesFiles(def)).map((f) => [f.path, f.content]));
    expect(files.get('implementation/typings/actions/addItem/input.ts')).toMatch(/export type Input = \{ sku: string \};/);
    expect(files.get('implementation/typings/actions/addItem/output.ts')).toMatch(/count\?: number/);
    expect(files.get('implementation/typings/actions/index.ts')).toContain('"addItem": addItem.AddItem;');
    expect(files.get('implementation/typings/events/paid.ts')).toMatch(/export type Paid = \{ amount: number \};/);
    expect(files.get('implementation/typings/states/cart/index.ts')).toContain('type: "user",');
    expect(files.get('implementation/typings/index.ts')).toContain('version: "1.2.3"');
  });
});

describe('the plugin package', () => {
  test("plugin/package.json names the definition's version, with the scripts Botpress's plugins have", async () => {
    const pkg = JSON.parse(readFileSync(join(PLUGIN_DIR, 'package.json'), 'utf8'));
    expect(pkg.version).toBe(definition.version);
    expect(pkg.scripts).toMatchObject({ build: 'bp add -y && bp build', deploy: 'bp deploy' });
  });

  test('the hub README names every action and event, and the icon and README the definition points at exist', () => {
    const hub = readFileSync(join(PLUGIN_DIR, definition.readme!), 'utf8');
    const missing = [...Object.keys(definition.actions ?? {}), ...Object.keys(definition.events ?? {})].filter((name) => !hub.includes(`\`${name}\``));
    expect(missing).toEqual([]);
    expect(readFileSync(join(PLUGIN_DIR, definition.icon!), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });
});
