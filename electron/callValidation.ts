import { contract, isMethodName, type MethodName } from '../shared/api/contract.ts';
import { ApiError } from '../shared/api/errors.ts';

/** Checks an IPC call against the contract before it reaches the worker: a known method and input its schema accepts. */
export function validateCall(method: unknown, input: unknown): MethodName {
  if (!isMethodName(method)) throw new ApiError('unknown_method', `Unknown method ${String(method)}`);
  const parsed = contract[method].input.safeParse(input);
  if (!parsed.success) throw ApiError.invalid(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return method;
}
