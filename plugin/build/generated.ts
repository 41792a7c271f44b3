/**
 * Everything generated from the sources and checked in, in one place: the
 * compiled-in migrations, plugin/.botpress (`bp gen`), the example bot's
 * bp_modules/bookwell (`bp add`) and its .botpress (`bp gen`) — but for the
 * plugin's implementation in them, which `npm run build:plugin` writes. `npm run gen:plugin` writes it; a test fails when it is stale.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import definition from '../plugin.definition';
import { botTypesFiles, pluginBundlePaths } from './codegen/bot-types';
import { pluginPackageFiles } from './codegen/plugin-package';
import { readBotDefinition } from './codegen/read-definition';
import { pluginTypesFiles } from './codegen/plugin-types';
import { renderMigrationsModule } from './migrations';
import { BOTPRESS_DIR, EXAMPLE_BOT_BOTPRESS_DIR, EXAMPLE_BOT_DEFINITION, EXAMPLE_PACKAGE_DIR, MIGRATIONS_DIR, MIGRATIONS_MODULE, PLUGIN_DIR } from './paths';

/** Files a generator owns whole: anything else in them is stale. Build outputs it does not own are kept. */
interface Tree {
  dir: string;
  files: Map<string, string>;
  keep?: string[];
}

export async function generatedTrees(): Promise<Tree[]> {
  const at = (dir: string, files: Array<{ path: string; content: string }>) => new Map(files.map((f) => [join(dir, f.path), f.content]));
  const botDefinition = await readBotDefinition(EXAMPLE_BOT_DEFINITION);
  return [
    { dir: MIGRATIONS_MODULE, files: new Map([[MIGRATIONS_MODULE, renderMigrationsModule(MIGRATIONS_DIR)]]) },
    { dir: BOTPRESS_DIR, files: at(BOTPRESS_DIR, await pluginTypesFiles(definition)) },
    {
      dir: EXAMPLE_PACKAGE_DIR,
      files: at(EXAMPLE_PACKAGE_DIR, await pluginPackageFiles(definition, relative(join(EXAMPLE_PACKAGE_DIR, '../..'), PLUGIN_DIR))),
      keep: [join(EXAMPLE_PACKAGE_DIR, 'implementation.ts')],
    },
    {
      dir: EXAMPLE_BOT_BOTPRESS_DIR,
      files: at(EXAMPLE_BOT_BOTPRESS_DIR, await botTypesFiles(botDefinition)),
      keep: pluginBundlePaths(botDefinition).map((p) => join(EXAMPLE_BOT_BOTPRESS_DIR, p)),
    },
  ];
}

const walk = (dir: string): string[] =>
  !existsSync(dir) ? [] : readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));

/** What differs from a fresh generation: files to write (with their content) and files to delete. */
export function staleness(trees: Tree[]): { write: Map<string, string>; remove: string[] } {
  const write = new Map<string, string>();
  const remove: string[] = [];
  for (const tree of trees) {
    for (const [path, content] of tree.files) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== content) write.set(path, content);
    }
    if (tree.files.size === 1 && tree.files.has(tree.dir)) continue;
    for (const path of walk(tree.dir)) if (!tree.files.has(path) && !tree.keep?.includes(path)) remove.push(path);
  }
  return { write, remove };
}
