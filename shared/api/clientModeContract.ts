import { z } from 'zod';
import { Id } from '../domain/index.ts';
import { PinCheck } from './meetingContract.ts';
import type { MethodSpec } from './method.ts';

const spec = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({ input, output });
const Nothing = z.object({}).default({});

/**
 * Client-facing mode (the survey the client fills in on the RM's laptop), enforced by the backend: while it is on,
 * only these methods and the survey's own `feedback.create` (for that client, channel survey) answer; every other
 * method is refused with `client_mode`. It is kept in the encrypted store, so a reload or a relaunch stays locked.
 */
export const clientModeMethods = {
  'clientMode.status': spec(Nothing, z.object({ clientId: Id.nullable() })),
  /** Turns the window into the client's survey; needs the RM's PIN to be set, since only the PIN ends it. */
  'clientMode.enter': spec(z.object({ clientId: Id }), z.object({ clientId: Id })),
  /** What the survey shows: the client's name, and whom feedback is recorded by by default. */
  'clientMode.survey': spec(Nothing, z.object({ clientId: Id, legalName: z.string(), ownerLogin: z.string() })),
  /** Ends client-facing mode when the RM's PIN is right (wrong PINs earn waits, as `settings.verifyPin`). */
  'clientMode.leave': spec(z.object({ pin: z.string().max(12) }), PinCheck),
} as const;

/** Methods that still answer in client-facing mode. */
export const CLIENT_MODE_METHODS: ReadonlySet<string> = new Set([...Object.keys(clientModeMethods), 'feedback.create']);
