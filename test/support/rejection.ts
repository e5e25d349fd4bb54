import { ApiError } from '../../shared/api/errors.ts';

/** The ApiError a call fails with; fails the test if the call succeeds or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
