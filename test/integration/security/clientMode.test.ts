import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../backend/backend.ts';
import { createClientModeStore } from '../../../renderer/feedback/clientMode.ts';
import type { Call } from '../../../renderer/transport.ts';
import { clientInput } from '../../support/clients.ts';
import { rejection } from '../../support/rejection.ts';
import { tempBackend } from '../../support/tempStore.ts';

const survey = (clientId: string) => ({ clientId, csat: 4, nps: 9, comment: '放款效率很高', channel: 'survey' as const, givenOn: '2026-11-30', capturedBy: 'li.wei' });

describe('client-facing mode is enforced by the backend', () => {
  it('cannot start before the RM PIN is set, since only the PIN ends it', async () => {
    const { api } = tempBackend();
    const client = await api['clients.create'](clientInput(1));
    expect((await rejection(api['clientMode.enter']({ clientId: client.id }))).code).toBe('conflict');
    expect(await api['clientMode.status']({})).toEqual({ clientId: null });
  });

  it('answers only the survey while it is on, across a relaunch, until the right PIN ends it', async () => {
    const backend = tempBackend();
    const { api } = backend;
    const client = await api['clients.create'](clientInput(1));
    const other = await api['clients.create'](clientInput(2));
    await api['settings.setPin']({ pin: '2468' });
    await api['clientMode.enter']({ clientId: client.id });

    const refusedCalls = [
      () => api['clients.list']({}), () => api['clients.get']({ id: client.id }), () => api['clients.profile']({ id: client.id }),
      () => api['store.stats']({}), () => api['search.query']({ query: '测试' }), () => api['settings.verifyPin']({ pin: '2468' }),
      () => api['settings.setPin']({ pin: '1357', currentPin: '2468' }), () => api['clientMode.enter']({ clientId: other.id }),
      () => api['sync.status']({}), () => api['drafts.list']({}), () => api['feedback.create'](survey(other.id)),
      () => api['feedback.create']({ ...survey(client.id), channel: 'meeting' }),
    ];
    for (const refused of refusedCalls) expect((await rejection(refused())).code).toBe('client_mode');
    expect(await api['clientMode.survey']({})).toEqual({ clientId: client.id, legalName: client.legalName, ownerLogin: 'li.wei' });
    const entry = await api['feedback.create'](survey(client.id));
    expect(entry).toMatchObject({ clientId: client.id, csat: 4, channel: 'survey' });
    backend.close();

    const relaunched = openBackend({ file: backend.file, keyHex: backend.keyHex });
    try {
      expect(await relaunched.api['clientMode.status']({})).toEqual({ clientId: client.id });
      expect((await rejection(relaunched.api['clients.list']({}))).code).toBe('client_mode');
      expect(await relaunched.api['clientMode.leave']({ pin: '1111' })).toEqual({ ok: false });
      expect((await rejection(relaunched.api['clients.list']({}))).code).toBe('client_mode');
      expect(await relaunched.api['clientMode.leave']({ pin: '2468' })).toEqual({ ok: true });
      expect((await relaunched.api['clients.list']({})).total).toBe(2);
      expect((await relaunched.api['clients.profile']({ id: client.id })).feedback.map((f) => f.id)).toEqual([entry.id]);
    } finally {
      relaunched.close();
    }
  });

  it('is what the window\'s client-mode store shows, and the store ends it only when the backend accepts the PIN', async () => {
    const backend = tempBackend();
    const client = await backend.api['clients.create'](clientInput(1));
    await backend.api['settings.setPin']({ pin: '2468' });
    const call = ((method, input) => backend.call(method, input)) as Call;
    const window = createClientModeStore(call);
    expect(window.getState().clientId).toBeUndefined();
    await window.getState().enter(client.id);
    expect(window.getState().clientId).toBe(client.id);

    const reloaded = createClientModeStore(call);
    await reloaded.getState().load();
    expect(reloaded.getState().clientId).toBe(client.id);
    expect(await reloaded.getState().leave('0000')).toEqual({ ok: false });
    expect(reloaded.getState().clientId).toBe(client.id);
    expect(await reloaded.getState().leave('2468')).toEqual({ ok: true });
    expect(reloaded.getState().clientId).toBeNull();
    expect(await backend.api['clientMode.status']({})).toEqual({ clientId: null });
  });
});
