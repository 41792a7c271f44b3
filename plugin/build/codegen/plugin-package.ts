/**
 * What `bp add <plugin>` installs in a bot's bp_modules/<name> (the CLI's
 * code-generation/plugin-package): the definition rebuilt as zui schemas from
 * the JSON schemas the plugin publishes, and the implementation — the bundle
 * `bp build` makes — as a Buffer. The implementation changes with every source
 * edit and weighs megabytes, so it is written by `npm run build:plugin`, not
 * checked in; a declaration stands in for it until then, so the bot
 * type-checks on a fresh clone.
 */
import * as sdk from '@botpress/sdk';
import { HEADER, format, literal, partImports, partsIndex, reexport, single, singleLine, under, varName, zuiModuleContent, type File, type Module } from './files';

type Titled = { title?: string; description?: string };
const titled = (t: object) => Object.fromEntries(Object.entries({ title: (t as Titled).title, description: (t as Titled).description }).filter(([, v]) => v !== undefined).map(([k, v]) => [k, literal(v)]));
const jsonSchema = (schema: unknown) => sdk.transforms.toJSONSchema(schema as never);
const zui = (file: string, name: string, schema: unknown, extra: Record<string, string> = {}) => single(file, name, () => zuiModuleContent(jsonSchema(schema), name, extra));

function definitionModule(def: sdk.PluginDefinition): Module {
  const parts: Record<string, Module> = {
    configuration: zui('index.ts', 'configuration', def.configuration?.schema ?? sdk.z.object({}), titled(def.configuration ?? {})),
    actions: reexport(
      'const',
      'actions',
      Object.entries(def.actions ?? {}).map(([name, a]) =>
        under(name, reexport('const', varName(name), [zui('input.ts', 'input', a.input.schema), zui('output.ts', 'output', a.output.schema)], titled(a))),
      ),
    ),
    events: reexport('const', 'events', Object.entries(def.events ?? {}).map(([name, e]) => zui(`${name}.ts`, varName(name), e.schema, titled(e)))),
    states: reexport(
      'const',
      'states',
      Object.entries(def.states ?? {}).map(([name, s]) => zui(`${name}.ts`, varName(name), s.schema, { type: `"${s.type}" as const`, ...titled(s) })),
    ),
    interfaces: reexport('const', 'interfaces', []),
    recurringEvents: reexport(
      'const',
      'recurringEvents',
      Object.entries(def.recurringEvents ?? {}).map(([name, r]) =>
        single(`${name}.ts`, varName(name), () =>
          format(
            [
              HEADER,
              `export const ${varName(name)} = {`,
              `  type: ${literal(r.type)},`,
              `  schedule: ${singleLine(r.schedule)},`,
              `  payload: {${Object.entries(r.payload ?? {}).map(([k, v]) => ` ${k}: ${literal(v)},`).join('')} }`,
              '}',
            ].join('\n'),
          ),
        ),
      ),
    ),
  };
  return partsIndex('default', parts, (members) => {
    const [imports, exports] = partImports(members.map((m) => m.name), '"');
    return [
      HEADER,
      'import * as sdk from "@botpress/sdk"',
      '',
      ...imports,
      ...exports,
      '',
      'export default {',
      `  name: ${literal(def.name)},`,
      `  version: ${literal(def.version)},`,
      `  attributes: ${def.attributes ? singleLine(def.attributes) : '{}'},`,
      `  user: ${singleLine({ tags: def.user?.tags ?? {} })},`,
      `  conversation: ${singleLine({ tags: def.conversation?.tags ?? {} })},`,
      ...members.map(({ name, member }) => `  ${name}: ${member},`),
      '} satisfies sdk.PluginPackage["definition"]',
    ].join('\n');
  });
}

/**
 * The package's checked-in files. `uri` is where `bp add` found the plugin: the
 * CLI writes an absolute path; we write it relative to the bot, so the file is
 * the same on every machine.
 */
export async function pluginPackageFiles(def: sdk.PluginDefinition, uri: string): Promise<File[]> {
  const index = [
    HEADER,
    'import * as sdk from "@botpress/sdk"',
    '',
    'import definition from "./definition/index"',
    'import implementation from "./implementation"',
    '',
    'export default {',
    '  type: "plugin",',
    '  id: undefined,',
    `  uri: ${literal(uri)},`,
    `  name: ${literal(def.name)},`,
    `  version: ${literal(def.version)},`,
    '  definition,',
    '  implementation,',
    '} satisfies sdk.PluginPackage',
  ].join('\n');
  return [
    { path: 'index.ts', content: index },
    { path: 'implementation.d.ts', content: `${HEADER}// Stands in for implementation.ts, which npm run build:plugin writes from the bundle.\ndeclare const implementation: Buffer\nexport default implementation\n` },
    ...(await under('definition', definitionModule(def)).files()),
  ];
}

/** implementation.ts: the bundle, base64 in lines of 80 characters, as `bp add` writes it. */
export function implementationFile(bundle: Buffer): File {
  const b64 = bundle.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 80) lines.push(`  "${b64.slice(i, i + 80)}",`);
  return { path: 'implementation.ts', content: ['export default Buffer.from([', ...lines, '].join(""), "base64")'].join('\n') };
}
