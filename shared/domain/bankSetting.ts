import { z } from 'zod';
import { RecordMeta, CurrencyCode } from './common.ts';
import { DEFAULT_RISK_THRESHOLDS, RiskThresholds } from '../risk/thresholds.ts';

/**
 * Bank-level settings (product.md "settings"): one record per key, edited by administrators and synced, so
 * that every device evaluates the same rules. Each key has a fixed record id, so two devices that create the
 * same setting create the same record and the server merges them instead of keeping two.
 */
export const BANK_SETTINGS = {
  reportingCurrency: { id: '01900000-0000-7000-8000-000000000001', schema: CurrencyCode, defaultValue: 'CNY' },
  riskThresholds: { id: '01900000-0000-7000-8000-000000000002', schema: RiskThresholds, defaultValue: DEFAULT_RISK_THRESHOLDS },
} as const;
export type BankSettingKey = keyof typeof BANK_SETTINGS;
export const BANK_SETTING_KEYS = Object.keys(BANK_SETTINGS) as BankSettingKey[];
export type BankSettingValue<K extends BankSettingKey> = z.infer<(typeof BANK_SETTINGS)[K]['schema']>;

export const BankSettingFields = z
  .object({
    key: z.enum(BANK_SETTING_KEYS as [BankSettingKey, ...BankSettingKey[]], { message: 'must be a known setting' }),
    value: z.unknown(),
  })
  .superRefine((setting, ctx) => {
    if (setting.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'is required' });
      return;
    }
    const parsed = BANK_SETTINGS[setting.key].schema.safeParse(setting.value);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
  });
export type BankSettingFields = z.infer<typeof BankSettingFields>;
export const BankSetting = RecordMeta.extend(BankSettingFields.shape);
export type BankSetting = z.infer<typeof BankSetting>;
