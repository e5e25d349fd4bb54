import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract.ts';
import type { Call } from '../../../renderer/transport.ts';

export interface PendingCall {
  method: MethodName;
  input: unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** A backend whose answers the test releases one by one, to exercise ordering and races. */
export function controlledCall(): { call: Call; pending: PendingCall[] } {
  const pending: PendingCall[] = [];
  const call = (<M extends MethodName>(method: M, input: MethodInput<M>) =>
    new Promise<MethodOutput<M>>((resolve, reject) => {
      pending.push({ method, input, resolve: resolve as (value: unknown) => void, reject });
    })) as Call;
  return { call, pending };
}

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
