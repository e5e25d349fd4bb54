import { ApiError } from '../../shared/api/errors.ts';
import { BANK_SETTINGS, type BankSettingKey, type BankSettingValue, type ExchangeRate } from '../../shared/domain/index.ts';
import { ENTITIES, type EntityName } from '../../shared/entities/registry.ts';
import { mayWriteGlobal } from '../../shared/sync/entities.ts';
import { deviceUser } from '../identity/identity.ts';
import { decodeRow, type Row } from '../records/codec.ts';
import type { Store } from '../store/store.ts';

/** A bank setting's value: its record (synced from an admin), else the default every device shares. */
export function bankSetting<K extends BankSettingKey>(store: Store, key: K): BankSettingValue<K> {
  const setting = BANK_SETTINGS[key];
  const value = store.prepare(`SELECT value FROM bank_settings WHERE id = ? AND deletedAt IS NULL`).pluck().get(setting.id) as string | undefined;
  const parsed = value === undefined ? null : setting.schema.safeParse(JSON.parse(value));
  return (parsed?.success ? parsed.data : setting.defaultValue) as BankSettingValue<K>;
}

export function liveRates(store: Store): ExchangeRate[] {
  return (store.prepare(`SELECT * FROM exchange_rates WHERE deletedAt IS NULL ORDER BY currency, asOf DESC`).all() as Row[])
    .map((row) => decodeRow<ExchangeRate>(ENTITIES.exchangeRates, row));
}

/**
 * Bank-wide data (rates, settings, segments) is written by the roles the registry names; the server refuses the
 * others' changes at the next sync, so the device refuses them at once with the same message. A device with no user
 * yet (first run, demo data) is not refused: the server still decides.
 */
export function checkBankWideWriter(store: Store, entity: EntityName): void {
  const user = deviceUser(store);
  if (user && !mayWriteGlobal(user.role, ENTITIES[entity].scope)) throw ApiError.field('role', 'your role may not change this bank-wide data');
}
