import type { Store } from './store.ts';

const queues = new WeakMap<Store, Promise<unknown>>();

/**
 * Runs long operations on the store's one connection one after another: a sync (which pushes the outbox) and an
 * import's open transaction must never interleave, or the sync could push records a cancelled import then rolls back.
 */
export function exclusively<T>(store: Store, operation: () => Promise<T>): Promise<T> {
  const previous = queues.get(store) ?? Promise.resolve();
  const result = previous.then(operation, operation);
  queues.set(store, result.catch(() => undefined));
  return result;
}
