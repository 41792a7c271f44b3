/**
 * Fault injection per endpoint. A fault applies to every call of its endpoint,
 * or from the `call`-th call (1-based, counted since the fault was set) for
 * `times` calls; `call` alone means that one call only.
 */
import { z } from 'zod';
import type { ProviderEndpoint } from '../port';

const endpoints = [
  'GetLocations',
  'GetLocationServices',
  'GetLocationStaff',
  'GetItemsByDate',
  'AddOrder',
  'GetOrder',
  'CancelOrder',
] as const satisfies readonly ProviderEndpoint[];

export const faultSpecSchema = z.object({
  endpoint: z.enum(endpoints),
  /**
   * latency: answer normally after `ms`; error: answer `status` (default 500);
   * timeout: do the work, then never answer; malformed: do the work, answer a
   * truncated body; slot_taken: a phantom customer takes the slot (AddOrder:
   * the requested items, answered 409; GetItemsByDate: `slot`, then answered).
   */
  kind: z.enum(['latency', 'error', 'timeout', 'malformed', 'slot_taken']),
  call: z.number().int().positive().optional(),
  times: z.number().int().positive().optional(),
  status: z.number().int().min(400).max(599).optional(),
  ms: z.number().int().nonnegative().optional(),
  slot: z.object({ staffId: z.string(), start: z.string(), durationMin: z.number().int().positive().optional() }).optional(),
});

export type FaultSpec = z.infer<typeof faultSpecSchema>;

export interface FaultController {
  set(spec: FaultSpec | FaultSpec[]): void;
  clear(): void;
  active(): FaultSpec[];
  /** Calls received per endpoint since start or reset (tests assert "no live catalog call"). */
  calls(): Record<ProviderEndpoint, number>;
  /** Counts a call and returns the fault that applies to it, if any. */
  next(endpoint: ProviderEndpoint): FaultSpec | undefined;
  reset(): void;
}

const zeroCounts = () => Object.fromEntries(endpoints.map((e) => [e, 0])) as Record<ProviderEndpoint, number>;

export function createFaults(): FaultController {
  let armed: Array<{ spec: FaultSpec; seen: number }> = [];
  let counts = zeroCounts();
  const applies = ({ spec, seen }: { spec: FaultSpec; seen: number }) => {
    if (spec.call === undefined && spec.times === undefined) return true;
    const first = spec.call ?? 1;
    return seen >= first && seen < first + (spec.times ?? 1);
  };
  return {
    set(spec) {
      for (const s of Array.isArray(spec) ? spec : [spec]) {
        const parsed = faultSpecSchema.parse(s);
        if (parsed.kind === 'slot_taken' && parsed.endpoint === 'GetItemsByDate' && !parsed.slot)
          throw new Error('a slot_taken fault on GetItemsByDate needs slot: { staffId, start }');
        armed.push({ spec: parsed, seen: 0 });
      }
    },
    clear: () => void (armed = []),
    active: () => armed.map((a) => a.spec),
    calls: () => ({ ...counts }),
    next(endpoint) {
      counts[endpoint]++;
      const mine = armed.filter((a) => a.spec.endpoint === endpoint);
      for (const a of mine) a.seen++;
      return mine.find(applies)?.spec;
    },
    reset() {
      armed = [];
      counts = zeroCounts();
    },
  };
}
