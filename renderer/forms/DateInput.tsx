import { DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * Date and date-time fields drawn by antd in the app's language (ConfigProvider and dayjs locale), instead of the
 * browser's native inputs, which follow the browser's locale (mm/dd/yyyy, "02:44 AM" in the Chinese interface).
 * Values stay the strings the forms and drafts already keep: YYYY-MM-DD, and YYYY-MM-DDTHH:mm in local time.
 * Shown year first, so that no language reads day and month the other way round.
 */
type StringPickerProps = Omit<DatePickerProps, 'value' | 'onChange' | 'format' | 'showTime'> & {
  value?: string | null;
  onChange?(value: string): void;
};

const DATE = 'YYYY-MM-DD';
const DATE_TIME = 'YYYY-MM-DD HH:mm';
const LOCAL_DATE_TIME = 'YYYY-MM-DDTHH:mm';

const parse = (value: string | null | undefined, pattern: RegExp): Dayjs | null => {
  if (!value || !pattern.test(value)) return null;
  const day = dayjs(value);
  return day.isValid() ? day : null;
};

export function DateInput({ value, onChange, style, ...rest }: StringPickerProps) {
  return (
    <DatePicker
      {...rest}
      format={DATE}
      value={parse(value, /^\d{4}-\d{2}-\d{2}$/)}
      onChange={(day) => onChange?.(dayjs.isDayjs(day) ? day.format(DATE) : '')}
      style={{ width: '100%', ...style }}
    />
  );
}

export function DateTimeInput({ value, onChange, style, ...rest }: StringPickerProps) {
  return (
    <DatePicker
      {...rest}
      showTime={{ format: 'HH:mm' }}
      format={DATE_TIME}
      value={parse(value, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/)}
      onChange={(day) => onChange?.(dayjs.isDayjs(day) ? day.format(LOCAL_DATE_TIME) : '')}
      style={{ width: '100%', ...style }}
    />
  );
}
