/**
 * plugin/.botpress as `bp gen` writes it for a plugin project (the CLI's
 * code-generation/plugin-implementation): typings per configuration, event,
 * state and action, derived from plugin.definition.ts, and the `Plugin` class
 * the implementation extends (`new bp.Plugin(…)`).
 */
import type * as sdk from '@botpress/sdk';
import { HEADER, literal, partImports, partsIndex, reexport, single, singleLine, typeModuleContent, typeName, under, type File, type Module } from './files';

const typeOf = (file: string, name: string, schema: sdk.z.ZodTypeAny) => single(file, name, () => typeModuleContent(schema, name));
const tags = (name: string, def?: { tags?: Record<string, unknown> }) =>
  single('index.ts', name, () => [HEADER, `export type ${name} = {`, `  tags: ${singleLine(def?.tags ?? {})}`, '}'].join('\n'));

type Schema = { schema: unknown };
/** A file name for a definition's name (a bot's carry the plugin alias: `bookwell#bookingConfirmed`). */
const fileName = (name: string) => name.replace(/[^a-zA-Z0-9_\-.]/g, '-');

export const eventTypes = (events: Record<string, Schema> = {}) =>
  reexport('type', 'Events', Object.entries(events).map(([name, e]) => ({ ...typeOf(`${fileName(name)}.ts`, typeName(name), e.schema as sdk.z.ZodTypeAny), key: name })));

export const stateTypes = (states: Record<string, Schema & { type: string }> = {}) =>
  reexport(
    'type',
    'States',
    Object.entries(states).map(([name, s]) => ({
      ...under(fileName(name), {
        path: 'index.ts',
        exportName: typeName(name),
        files: async () => [
          {
            path: 'index.ts',
            content: [HEADER, "import * as payload from './payload'", `export type ${typeName(name)} = {`, `  type: ${literal(s.type)},`, '  payload: payload.Payload', '}'].join('\n'),
          },
          { path: 'payload.ts', content: await typeModuleContent(s.schema as sdk.z.ZodTypeAny, 'Payload') },
        ],
      }),
      key: name,
    })),
  );

export const actionTypes = (actions: Record<string, { input: Schema; output: Schema }> = {}) =>
  reexport(
    'type',
    'Actions',
    Object.entries(actions).map(([name, a]) => ({
      ...under(fileName(name), reexport('type', typeName(name), [typeOf('input.ts', 'Input', a.input.schema as sdk.z.ZodTypeAny), typeOf('output.ts', 'Output', a.output.schema as sdk.z.ZodTypeAny)])),
      key: name,
    })),
  );

/** What the typings read of a definition: a plugin's own, or a package's as `bp add` installed it. */
export type TypedDefinition = Pick<sdk.PluginDefinition, 'name' | 'version' | 'configuration' | 'events' | 'states' | 'actions' | 'conversation' | 'message' | 'user'>;

/** The TPlugin typings (the CLI's plugin-typings module), at `index.ts` of the folder they go in. */
export function pluginTypings(def: TypedDefinition): Module {
  const parts: Record<string, Module> = {
    integrations: reexport('type', 'Integrations', []),
    interfaces: reexport('type', 'Interfaces', []),
    configuration: def.configuration
      ? typeOf('index.ts', 'Configuration', def.configuration.schema as sdk.z.ZodTypeAny)
      : single('index.ts', 'Configuration', () => 'export type Configuration = Record<string, never>;'),
    events: eventTypes(def.events),
    states: stateTypes(def.states),
    actions: actionTypes(def.actions),
    tables: reexport('type', 'Tables', []),
    workflows: reexport('type', 'Workflows', []),
    conversation: tags('Conversation', def.conversation),
    message: tags('Message', def.message),
    user: tags('User', def.user),
  };
  return partsIndex('TPlugin', parts, (members) => {
    const [imports, exports] = partImports(members.map((m) => m.name), "'");
    return [
      HEADER,
      ...imports,
      '',
      ...exports,
      '',
      'export type TPlugin = {',
      `  name: ${literal(def.name)}`,
      `  version: ${literal(def.version)}`,
      ...members.map(({ name, member }) => `  ${name}: ${member}`),
      '}',
    ].join('\n');
  });
}

const IMPLEMENTATION = `${HEADER}
import * as sdk from "@botpress/sdk"
import * as typings from "./typings/index"
export * from "./typings/index"

type TPlugin = sdk.DefaultPlugin<typings.TPlugin>

export class Plugin extends sdk.Plugin<TPlugin> {}

export type PluginProps = sdk.PluginProps<TPlugin>
export type PluginRuntimeProps = sdk.PluginRuntimeProps<TPlugin>

// extra types

type ValueOf<T> = T[keyof T]

export type PluginHandlers = sdk.InjectedPluginHandlers<TPlugin>

export type EventHandlers = Required<{
  [K in keyof PluginHandlers['eventHandlers']]: NonNullable<PluginHandlers['eventHandlers'][K]>[number]
}>
export type MessageHandlers = Required<{
  [K in keyof PluginHandlers['messageHandlers']]: NonNullable<PluginHandlers['messageHandlers'][K]>[number]
}>

export type AnyMessageHandler = MessageHandlers['*']
export type AnyEventHandler = EventHandlers['*']
export type AnyActionHandler = ValueOf<PluginHandlers['actionHandlers']>

export type MessageHandlerProps = Parameters<AnyMessageHandler>[0]
export type EventHandlerProps = Parameters<AnyEventHandler>[0]
export type ActionHandlerProps = Parameters<AnyActionHandler>[0]

export type Client = (MessageHandlerProps | EventHandlerProps)['client']
`;

/** Every file of plugin/.botpress, paths relative to it. */
export async function pluginTypesFiles(def: TypedDefinition): Promise<File[]> {
  const typingFiles = await under('implementation/typings', pluginTypings(def)).files();
  return [
    { path: 'index.ts', content: "export * from './implementation'\n" },
    { path: 'implementation/index.ts', content: IMPLEMENTATION },
    ...typingFiles,
  ];
}
