import { DatePicker, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, addDays, calendarPeriod, lastDay, type CalendarKind, type Period, type PeriodKind } from '../../shared/kpi/period.ts';
import { useLanguage } from '../i18n/index.ts';
import { periodLabel } from './format.ts';

const DAY = 'YYYY-MM-DD';

/** Month, quarter, year or a custom range [from, to]; the value is always a half-open period [from, to). */
export function PeriodPicker({ kind, period, onKind, onPeriod }: { kind: PeriodKind; period: Period; onKind(kind: PeriodKind): void; onPeriod(period: Period): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <span className="crm-period-picker" role="group" aria-label={t('period.label')}>
      <Segmented
        aria-label={t('period.label')}
        value={kind}
        onChange={(value) => onKind(value as PeriodKind)}
        options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`period.kind.${k}`) }))}
      />
      {kind === 'custom' ? (
        <DatePicker.RangePicker
          aria-label={t('period.pick')}
          allowClear={false}
          format={DAY}
          value={[dayjs(period.from), dayjs(lastDay(period))]}
          onChange={(range) => {
            const [from, to] = range ?? [];
            if (from && to) onPeriod({ from: from.format(DAY), to: addDays(to.format(DAY), 1) });
          }}
        />
      ) : (
        <DatePicker
          aria-label={t('period.pick')}
          picker={kind}
          allowClear={false}
          value={dayjs(period.from)}
          format={(day: Dayjs) => periodLabel(calendarPeriod(kind as CalendarKind, day.format(DAY)), t, language)}
          onChange={(day: Dayjs | null) => day && onPeriod(calendarPeriod(kind as CalendarKind, day.format(DAY)))}
          style={{ width: 170 }}
        />
      )}
    </span>
  );
}
