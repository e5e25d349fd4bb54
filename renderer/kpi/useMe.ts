import { call } from '../backend.ts';
import { useLatestCall } from './useLatestCall.ts';

/** The login of this device's user (identity), or '' while it is loading or not set: a new action's default owner. */
export function useMe(): string {
  return useLatestCall(() => call('identity.get', {}), 'identity').data?.login ?? '';
}
