/**
 * The pieces both generators share: a generated file tree, the header and
 * naming the Botpress CLI uses (its code-generation/ folder: consts, strings,
 * module), and prettier for the bodies it formats with prettier.
 */
import { posix } from 'node:path';
import * as prettier from 'prettier';
import * as sdk from '@botpress/sdk';

export interface File {
  path: string;
  content: string;
}

export const HEADER = ['/* eslint-disable */', '/* tslint:disable */', '// This file is generated. Do not edit it manually.', ''].join('\n');

const words = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^a-zA-Z0-9]+/).filter(Boolean);
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
export const typeName = (name: string) => words(name).map(cap).join('');
const camel = (name: string) => {
  const [first = '', ...rest] = words(name);
  return first.toLowerCase() + rest.map(cap).join('');
};
const RESERVED = new Set(['default', 'delete', 'export', 'import', 'type', 'function', 'class', 'new', 'return', 'switch', 'case', 'enum', 'interface', 'package', 'private', 'public']);
export const varName = (name: string) => (RESERVED.has(camel(name)) ? `_${camel(name)}` : camel(name));

/** A module of the tree: where it is and what it exports. */
export interface Module {
  path: string;
  exportName: string;
  /** The key it has in its parent's re-export (its file or folder name unless set). */
  key?: string;
  files(): Promise<File[]>;
}

/** The module's name: its file name, or its folder's for an index.ts. */
export const moduleName = (m: Pick<Module, 'path'>) => {
  const base = posix.basename(m.path, '.ts');
  return base === 'index' ? posix.basename(posix.dirname(m.path)) : base;
};

/** The import specifier of `to` from the module at `from`, without extension. */
export const importPath = (from: string, to: string) => `./${posix.relative(posix.dirname(from), to).replace(/\.ts$/, '')}`;

export const under = (dir: string, m: Module): Module => ({
  ...m,
  key: m.key ?? moduleName({ path: posix.join(dir, m.path) }),
  path: posix.join(dir, m.path),
  files: async () => (await m.files()).map((f) => ({ ...f, path: posix.join(dir, f.path) })),
});

export const single = (path: string, exportName: string, content: () => Promise<string> | string): Module => ({
  path,
  exportName,
  files: async () => [{ path, content: await content() }],
});

/** index.ts re-exporting its children and gathering them in one type (`type`) or object (`const`). */
export function reexport(kind: 'type' | 'const', exportName: string, children: Module[], extra: Record<string, string> = {}): Module {
  const path = 'index.ts';
  return {
    path,
    exportName,
    async files() {
      const lines = children.flatMap((c) => {
        const alias = varName(c.key ?? moduleName(c));
        const from = importPath(path, c.path);
        return [`import * as ${alias} from "${from}";`, `export * as ${alias} from "${from}";`];
      });
      const members = children.map((c) => `  "${c.key ?? moduleName(c)}": ${varName(c.key ?? moduleName(c))}.${c.exportName},`);
      const body =
        kind === 'type'
          ? [`export type ${exportName} = {`, ...members.map((m) => m.replace(/,$/, ';')), '}']
          : [`export const ${exportName} = {`, ...members, ...Object.entries(extra).map(([k, v]) => `  "${k}": ${v},`), '}'];
      const own = { path, content: `${HEADER}${lines.map((l) => `${l}\n`).join('')}\n${body.join('\n')}\n` };
      return [own, ...(await Promise.all(children.map((c) => c.files()))).flat()];
    },
  };
}

/**
 * index.ts over named parts, each in its folder of that name (`events/index.ts`, …);
 * `content` writes it from each part's name and the member it exports.
 */
export function partsIndex(exportName: string, parts: Record<string, Module>, content: (parts: Array<{ name: string; member: string }>) => string): Module {
  const modules = Object.entries(parts).map(([name, m]) => ({ name, m: under(name, m) }));
  return {
    path: 'index.ts',
    exportName,
    files: async () => [
      { path: 'index.ts', content: content(modules.map(({ name, m }) => ({ name, member: `${name}.${m.exportName}` }))) },
      ...(await Promise.all(modules.map(({ m }) => m.files()))).flat(),
    ],
  };
}

/** `import * as x from './x/index'` for each part, then the same as `export * as`. */
export const partImports = (names: string[], quote: string) =>
  (['import', 'export'] as const).map((verb) => names.map((n) => `${verb} * as ${n} from ${quote}./${n}/index${quote}`));

export const format = (code: string) => prettier.format(code, { parser: 'typescript' });

/** `export type Name = …` from a zui schema, as `bp gen` writes it. */
export async function typeModuleContent(schema: sdk.z.ZodTypeAny, name: string): Promise<string> {
  const code = await format(`export type ${name} = ${schema.toTypescriptType({ treatDefaultAsOptional: true })}`);
  return `${HEADER}\n${code}`;
}

/** `export const name = { …, schema: z.… }` from a JSON schema, as `bp add` writes a package's definition. */
export async function zuiModuleContent(jsonSchema: object, name: string, extra: Record<string, string> = {}): Promise<string> {
  const schema = sdk.transforms.fromJSONSchemaLegacy(jsonSchema as never).toTypescriptSchema();
  const props = { ...extra, schema };
  const code = [HEADER, 'import { z } from "@botpress/sdk"', `export const ${name} = {`, ...Object.entries(props).map(([k, v]) => `  ${k}: ${v},`), '}'].join('\n');
  return format(code);
}

export const literal = (value: unknown) => (value === undefined ? 'undefined' : JSON.stringify(value));
export const singleLine = (value: object) => JSON.stringify(value, null, 1).replace(/\n */g, ' ');
