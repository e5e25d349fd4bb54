import type { z } from 'zod';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract.ts';
import type { meetingMethods } from '../../shared/api/meetingContract.ts';
import type { Client } from '../../shared/domain/index.ts';
import { getRecord } from '../records/crud.ts';
import { ENTITIES } from '../../shared/entities/registry.ts';
import type { Store } from '../store/store.ts';
import { discardDraft, getDraft, listDrafts, saveDraft } from './drafts.ts';
import { finishMeeting } from './finish.ts';
import { loyaltyFacts } from './loyalty.ts';
import { PinGuard } from './pin.ts';

type Methods = typeof meetingMethods;
type In<M extends keyof Methods> = z.output<Methods[M]['input']>;
/** Calls another backend method with contract validation, as the renderer would. */
type CallMethod = <M extends MethodName>(method: M, input: MethodInput<M>) => MethodOutput<M>;

/** Handlers for meeting mode, drafts, the client-facing PIN and loyalty facts. */
export function meetingHandlers(store: Store, timestamp: () => string, call: CallMethod): { [M in keyof Methods]: (input: In<M>) => z.input<Methods[M]['output']> } {
  const pin = new PinGuard(store, () => new Date(timestamp()));
  return {
    'drafts.save': (input) => saveDraft(store, input, timestamp()),
    'drafts.get': (input) => getDraft(store, input.clientId),
    'drafts.list': () => listDrafts(store),
    'drafts.discard': (input) => ({ clientId: input.clientId, discarded: discardDraft(store, input.clientId) }),
    'meetings.finish': (input) =>
      finishMeeting(store, {
        interaction: (fields) => call('interactions.create', fields),
        task: (fields) => call('tasks.create', fields),
        feedback: (fields) => call('feedback.create', fields),
      }, input),
    'settings.pinStatus': () => ({ isSet: pin.isSet() }),
    'settings.setPin': (input) => {
      pin.set(input.pin, input.currentPin);
      return { isSet: true };
    },
    'settings.verifyPin': (input) => pin.check(input.pin),
    'meetings.rms': () =>
      (store.prepare(`SELECT ownerLogin AS login FROM clients WHERE deletedAt IS NULL UNION SELECT assigneeLogin FROM tasks WHERE deletedAt IS NULL ORDER BY 1 LIMIT 500`)
        .all() as { login: string }[]).map((r) => r.login),
    'clients.loyalty': (input) => {
      getRecord<Client & { id: string; createdAt: string; updatedAt: string; deletedAt: string | null }>(store, ENTITIES.clients, input.id);
      return loyaltyFacts(store, input.id);
    },
  };
}
