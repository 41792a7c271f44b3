/**
 * A value shared by every copy of the plugin's code in one process: the local
 * host's sources and a bundled plugin it loaded (`bookwell dev --bundle`) each
 * have their own module instances, so a registry that must be one per process
 * lives on globalThis under a registered symbol.
 */
export function processShared<T>(name: string, create: () => T): T {
  const key = Symbol.for(`bookwell.${name}`);
  const slots = globalThis as Record<symbol, unknown>;
  if (!(key in slots)) slots[key] = create();
  return slots[key] as T;
}
