/** States: get, set (null payload deletes), get-or-set, patch. `expiry` is accepted and not enforced. */
import type { ClientInputs, ClientOutputs, State } from '@botpress/client';
import type { FastifyInstance } from 'fastify';
import { invalid, notFound } from './errors';
import type { HostStore, StateDraft, StateKey, StateType } from './store';

const STATE_TYPES: readonly StateType[] = ['conversation', 'user', 'bot', 'task', 'integration', 'workflow'];
const STATE_PATH = '/v1/chat/states/:type/:id/:name';

type Route<Op extends keyof ClientInputs> = { Params: StateKey; Body: Omit<ClientInputs[Op], keyof StateKey> };

/**
 * States read ahead of the bot (host.ts: a turn's conversation states come with its message). A state read
 * ahead answers the first get of it (`meta.cached`); any write of it drops it, so every later read is the
 * database's.
 */
export interface StateReadAhead {
  take(key: StateKey): State | undefined;
  forget(key: StateKey): void;
}

export function registerStateRoutes(app: FastifyInstance, store: HostStore, botId: string, readAhead?: StateReadAhead): void {
  const key = (params: StateKey): StateKey => {
    if (!STATE_TYPES.includes(params.type)) throw invalid(`unknown state type "${params.type}"`);
    return params;
  };
  const draft = (k: StateKey, payload: unknown): StateDraft => {
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) throw invalid(`state ${k.name}: payload must be an object`);
    return {
      botId,
      type: k.type,
      name: k.name,
      payload: payload as State['payload'],
      ...(k.type === 'conversation' ? { conversationId: k.id } : {}),
      ...(k.type === 'user' ? { userId: k.id } : {}),
    };
  };
  const found = (k: StateKey, state: State | undefined): State => state ?? throwNotFound(k);

  app.get<{ Params: StateKey }>(STATE_PATH, async (req): Promise<ClientOutputs['getState']> => {
    const k = key(req.params);
    const ahead = readAhead?.take(k);
    if (ahead) return { state: ahead, meta: { cached: true } };
    return { state: found(k, await store.getState(k)), meta: { cached: false } };
  });

  app.post<Route<'setState'>>(STATE_PATH, async (req): Promise<ClientOutputs['setState']> => {
    const k = key(req.params);
    readAhead?.forget(k);
    const payload = req.body?.payload;
    const state = await store.setState(k, payload === null ? null : draft(k, payload));
    // deleting a state that never existed is not an error; answer with an empty one
    return { state: state ?? { ...draft(k, {}), id: '', createdAt: '', updatedAt: '' } };
  });

  app.post<Route<'getOrSetState'>>(`${STATE_PATH}/get-or-set`, async (req): Promise<ClientOutputs['getOrSetState']> => {
    const k = key(req.params);
    const made = draft(k, req.body?.payload);
    const ahead = readAhead?.take(k);
    if (ahead) return { state: ahead, meta: { cached: true } };
    return { state: await store.getOrSetState(k, made), meta: { cached: false } };
  });

  app.patch<Route<'patchState'>>(STATE_PATH, async (req): Promise<ClientOutputs['patchState']> => {
    const k = key(req.params);
    readAhead?.forget(k);
    const payload = draft(k, req.body?.payload).payload;
    return { state: found(k, await store.patchState(k, payload)) };
  });
}

function throwNotFound(k: StateKey): never {
  throw notFound('state', `${k.type}/${k.id}/${k.name}`);
}
