import type { z } from 'zod';
import { CLIENT_MODE_METHODS, type clientModeMethods } from '../../shared/api/clientModeContract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { Client } from '../../shared/domain/index.ts';
import { ENTITIES } from '../../shared/entities/registry.ts';
import { PinGuard, type PinCheck } from '../meetings/pin.ts';
import { getRecord, type StoredRecord } from '../records/crud.ts';
import { deleteDeviceSetting, readDeviceSetting, writeDeviceSetting } from '../store/deviceSettings.ts';
import type { Store } from '../store/store.ts';

const KEY = 'clientMode';
type Methods = typeof clientModeMethods;

/**
 * Client-facing mode, kept in the encrypted store's device settings: while it names a client, the backend answers
 * only the survey (issue 14, finding 7: the renderer alone could be talked out of it). Leaving checks the RM's PIN.
 */
export class SurveyLock {
  private readonly pin: PinGuard;

  constructor(private readonly store: Store, now: () => Date) {
    this.pin = new PinGuard(store, now);
  }

  lockedTo(): string | null {
    const value = readDeviceSetting(this.store, KEY);
    return value ? (JSON.parse(value) as { clientId: string }).clientId : null;
  }

  enter(clientId: string): void {
    if (!this.pin.isSet()) throw new ApiError('conflict', 'Set the RM PIN first: only the PIN ends the client survey.');
    getRecord<Client & StoredRecord>(this.store, ENTITIES.clients, clientId);
    writeDeviceSetting(this.store, KEY, JSON.stringify({ clientId }));
  }

  leave(pin: string): PinCheck {
    const check = this.pin.check(pin);
    if (check.ok) deleteDeviceSetting(this.store, KEY);
    return check;
  }

  /** Refuses every call the survey does not need while the window belongs to the client. */
  admit(method: string, input: unknown): void {
    const clientId = this.lockedTo();
    if (clientId === null) return;
    const feedback = method === 'feedback.create' ? (input as { clientId?: string; channel?: string }) : null;
    // Entering again (for another client) is not part of the survey: only the PIN ends this one.
    const allowed = CLIENT_MODE_METHODS.has(method) && method !== 'clientMode.enter' && (!feedback || (feedback.clientId === clientId && feedback.channel === 'survey'));
    if (!allowed) throw new ApiError('client_mode', `The window is in client-facing mode; ${method} answers again after the RM's PIN.`);
  }

  handlers(): { [M in keyof Methods]: (input: z.output<Methods[M]['input']>) => z.input<Methods[M]['output']> } {
    return {
      'clientMode.status': () => ({ clientId: this.lockedTo() }),
      'clientMode.enter': ({ clientId }) => {
        this.enter(clientId);
        return { clientId };
      },
      'clientMode.survey': () => {
        const clientId = this.lockedTo();
        if (clientId === null) throw new ApiError('conflict', 'The window is not in client-facing mode.');
        const client = getRecord<Client & StoredRecord>(this.store, ENTITIES.clients, clientId);
        return { clientId, legalName: client.legalName, ownerLogin: client.ownerLogin };
      },
      'clientMode.leave': ({ pin }) => this.leave(pin),
    };
  }
}
