import type { Language } from '../../shared/format/index.ts';

/** "30 秒" / "30 seconds", "2 分钟" / "2 minutes": how long a wrong PIN or passphrase makes the next try wait. */
export function waitText(ms: number, language: Language): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const [value, unit] = seconds < 120 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
