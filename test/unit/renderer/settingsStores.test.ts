import { describe, expect, it } from 'vitest';
import { createColumnSettingsStore } from '../../../renderer/clients/columnSettingsStore.ts';
import { createSettingsStore } from '../../../renderer/settings/settingsStore.ts';
import { memoryStorage } from '../../support/memoryStorage.ts';

describe('column settings', () => {
  it('remembers hidden columns for the next session', () => {
    const storage = memoryStorage();
    createColumnSettingsStore(storage).getState().toggle('segment');
    expect(createColumnSettingsStore(storage).getState().visible).not.toContain('segment');
  });

  it('keeps the canonical column order when a hidden column is shown again', () => {
    const store = createColumnSettingsStore(memoryStorage());
    store.getState().toggle('rating');
    store.getState().toggle('rating');
    expect(store.getState().visible.slice(0, 3)).toEqual(['legalName', 'rating', 'industry']);
  });

  it('never hides the client name', () => {
    const store = createColumnSettingsStore(memoryStorage());
    store.getState().toggle('legalName');
    expect(store.getState().visible).toContain('legalName');
  });

  it('falls back to the defaults when the saved settings are unreadable', () => {
    const storage = memoryStorage();
    storage.setItem('crm.clients.columns.v1', '{"visible":["bogus"]}');
    expect(createColumnSettingsStore(storage).getState().visible).toHaveLength(8);
    storage.setItem('crm.clients.columns.v1', 'not json');
    expect(createColumnSettingsStore(storage).getState().visible).toHaveLength(8);
  });
});

describe('settings', () => {
  it('starts in Chinese and remembers a switch to English', () => {
    const storage = memoryStorage();
    const store = createSettingsStore(storage);
    expect(store.getState().language).toBe('zh-CN');
    store.getState().setLanguage('en');
    expect(createSettingsStore(storage).getState().language).toBe('en');
  });

  it('stores the RM login trimmed', () => {
    const store = createSettingsStore(memoryStorage());
    store.getState().setMe('  rm01 ');
    expect(store.getState().me).toBe('rm01');
  });
});
