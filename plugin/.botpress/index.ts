/**
 * What `bp gen` (the Botpress CLI) would generate for this plugin, written by
 * hand in the same shape — `import * as bp from '../.botpress'`, `new bp.Plugin`
 * — so the official CLI can take over. The types derive from the definition,
 * so they cannot drift from it.
 */
import * as sdk from '@botpress/sdk';
import type definition from '../plugin.definition';

type Def = typeof definition;
type Infer<S> = S extends sdk.z.ZodTypeAny ? sdk.z.infer<S> : never;

// state types are literals in what the CLI generates; the definition's are widened to StateType
type States = { conversation: { type: 'conversation'; payload: Infer<Def['states']['conversation']['schema']> } };
type Events = { [K in keyof Def['events']]: Infer<Def['events'][K]['schema']> };
type Actions = {
  [K in keyof Def['actions']]: { input: Infer<Def['actions'][K]['input']['schema']>; output: Infer<Def['actions'][K]['output']['schema']> };
};

export type TPlugin = sdk.DefaultPlugin<{
  name: 'bookwell';
  version: '0.1.0';
  configuration: Infer<NonNullable<Def['configuration']>['schema']>;
  states: States;
  events: Events;
  actions: Actions;
}>;

export class Plugin extends sdk.Plugin<TPlugin> {}

export type ActionHandlers = sdk.PluginProps<TPlugin>['actions'];
export type ActionProps = { [K in keyof ActionHandlers]: Parameters<ActionHandlers[K]>[0] };
