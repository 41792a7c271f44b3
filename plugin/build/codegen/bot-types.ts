/**
 * A bot's .botpress as `bp gen` writes it (the CLI's code-generation/
 * bot-implementation): the bot's typings with what its plugins add (prefixed
 * by alias), and per plugin its typings, its configuration from
 * bot.definition.ts and its bundle — `bundle.js`, the plugin package's
 * implementation, which `npm run build:plugin` writes (too big and too
 * changeable to check in); `bundle.d.ts` types it.
 */
import type * as sdk from '@botpress/sdk';
import { HEADER, partImports, partsIndex, reexport, under, varName, type File, type Module } from './files';
import { actionTypes, eventTypes, pluginTypings, stateTypes, type TypedDefinition } from './plugin-types';

type PluginInstance = NonNullable<sdk.BotDefinition['plugins']>[string];

function botTypings(bot: sdk.BotDefinition): Module {
  const parts: Record<string, Module> = {
    integrations: reexport('type', 'Integrations', []),
    events: eventTypes(bot.withPlugins.events as never),
    states: stateTypes(bot.withPlugins.states as never),
    actions: actionTypes(bot.withPlugins.actions as never),
    tables: reexport('type', 'Tables', []),
    workflows: reexport('type', 'Workflows', []),
  };
  return partsIndex('TBot', parts, (members) => {
    const [imports, exports] = partImports(members.map((m) => m.name), "'");
    return [HEADER, ...imports, '', ...exports, '', 'export type TBot = {', ...members.map(({ name, member }) => `  ${name}: ${member}`), '}'].join('\n');
  });
}

async function pluginFiles(plugin: PluginInstance): Promise<File[]> {
  const { alias, interfaces, integrations, configuration } = plugin;
  const typings = await under('typings', pluginTypings(plugin.definition as TypedDefinition)).files();
  return [
    {
      path: 'index.ts',
      content: [
        HEADER,
        'import * as sdk from "@botpress/sdk"',
        'import bundle from "./bundle"',
        'import * as typings from "./typings/index"',
        'import * as config from "./config"',
        '',
        'export type TPlugin = sdk.DefaultPlugin<typings.TPlugin>',
        '',
        'export const configuration = config.default.configuration',
        'export const interfaces = config.default.interfaces',
        '',
        'export default bundle.initialize(config.default)',
        '',
      ].join('\n'),
    },
    {
      path: 'bundle.d.ts',
      content: [HEADER, 'import * as sdk from "@botpress/sdk"', 'import * as typings from "./typings/index"', 'type TPlugin = sdk.DefaultPlugin<typings.TPlugin>', 'export default new sdk.Plugin<TPlugin>({})', ''].join('\n'),
    },
    {
      // the CLI writes the bare object; `satisfies` checks the bot's configuration against the plugin's
      // typings and keeps its string literals literal (else "nailit" widens to string and fails initialize)
      path: 'config.ts',
      content: [
        'import type * as sdk from "@botpress/sdk"',
        'import type * as typings from "./typings/index"',
        '',
        `export default ${JSON.stringify({ alias, interfaces, integrations, configuration }, null, 2)} satisfies sdk.PluginRuntimeProps<sdk.DefaultPlugin<typings.TPlugin>>`,
      ].join('\n'),
    },
    ...typings,
  ];
}

const IMPLEMENTATION = `${HEADER}
import * as sdk from "@botpress/sdk"
import * as typings from "./typings/index"
import * as plugins from "./plugins/index"

export * from "./typings/index"
export * from "./plugins/index"

type TPlugins = plugins.TPlugins
type TBot = sdk.DefaultBot<typings.TBot>

export type BotProps = Omit<sdk.BotProps<TBot, TPlugins>, 'plugins'>

export class Bot extends sdk.Bot<TBot, TPlugins> {
  public constructor(props: BotProps) {
    super({
      ...props,
      plugins: plugins.plugins
    })
  }
}

// extra types

export type BotHandlers = sdk.InjectedBotHandlers<TBot>

export type EventHandlers = Required<{
  [K in keyof BotHandlers['eventHandlers']]: NonNullable<BotHandlers['eventHandlers'][K]>[number]
}>
export type MessageHandlers = Required<{
  [K in keyof BotHandlers['messageHandlers']]: NonNullable<BotHandlers['messageHandlers'][K]>[number]
}>

export type MessageHandlerProps = Parameters<MessageHandlers['*']>[0]
export type EventHandlerProps = Parameters<EventHandlers['*']>[0]

export type Client = (MessageHandlerProps | EventHandlerProps)['client']
`;

/** Every checked-in file of a bot's .botpress, paths relative to it. */
export async function botTypesFiles(bot: sdk.BotDefinition): Promise<File[]> {
  const plugins = Object.values(bot.plugins ?? {}).map((p) => ({ key: p.alias ?? p.name, p }));
  const pluginsIndex = [
    HEADER,
    'import * as sdk from "@botpress/sdk"',
    ...plugins.map(({ key }) => `import * as ${varName(key)} from "./${key}/index";`),
    ...plugins.map(({ key }) => `export * as ${varName(key)} from "./${key}/index";`),
    '',
    'export const plugins = {',
    ...plugins.map(({ key }) => `  "${key}": ${varName(key)}.default,`),
    '}',
    '',
    'export type TPlugins = {',
    ...plugins.map(({ key }) => `  "${key}": ${varName(key)}.TPlugin;`),
    '}',
  ].join('\n');
  const perPlugin = await Promise.all(plugins.map(async ({ key, p }) => (await pluginFiles(p)).map((f) => ({ ...f, path: `implementation/plugins/${key}/${f.path}` }))));
  return [
    { path: 'index.ts', content: `${HEADER}export * from "./implementation/index"` },
    { path: 'implementation/index.ts', content: IMPLEMENTATION },
    ...(await under('implementation/typings', botTypings(bot)).files()),
    { path: 'implementation/plugins/index.ts', content: pluginsIndex },
    ...perPlugin.flat(),
  ];
}

/** Where each plugin's bundle goes in a bot's .botpress (written by the build, from the package's implementation). */
export const pluginBundlePaths = (bot: sdk.BotDefinition) => Object.values(bot.plugins ?? {}).map((p) => `implementation/plugins/${p.alias ?? p.name}/bundle.js`);
