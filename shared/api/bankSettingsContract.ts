import { z } from 'zod';
import { BankSetting, BankSettingFields, CurrencyCode, ExchangeRate } from '../domain/index.ts';
import { RiskThresholds } from '../risk/thresholds.ts';
import { method } from './method.ts';

export const BankSettingsView = z.object({
  reportingCurrency: CurrencyCode,
  riskThresholds: RiskThresholds,
  /** Whether each value is the bank's (an admin set it) or the default every device starts with. */
  isDefault: z.object({ reportingCurrency: z.boolean(), riskThresholds: z.boolean() }),
  rates: z.array(ExchangeRate),
});
export type BankSettingsView = z.infer<typeof BankSettingsView>;

export const bankSettingsMethods = {
  /** The bank's settings in force (defaults where no admin set one) and the exchange-rate table. */
  'bankSettings.current': method(z.object({}).default({}), BankSettingsView),
  /** Sets one bank setting (administrators only; the server refuses others too); synced. */
  'bankSettings.set': method(BankSettingFields, BankSetting),
} as const;
