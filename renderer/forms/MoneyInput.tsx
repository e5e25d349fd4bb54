import { Form, Input } from 'antd';
import type { InputProps } from 'antd';
import { groupDigits } from '../../shared/format/index.ts';

type MoneyInputProps = Omit<InputProps, 'value' | 'onChange'> & {
  /** The form field holding the amount's ISO 4217 code, shown after the figure. */
  currencyField: string;
  value?: string;
  onChange?(value: string): void;
};

const SEPARATORS = /[\s,，_]/g;

/**
 * An exact amount in major units with thousands separators (16,720,000,000.00). Text that is not an amount stays as
 * typed, so that the form can say what is wrong with it instead of silently rounding or dropping it.
 */
export function MoneyInput({ currencyField, value, onChange, ...rest }: MoneyInputProps) {
  const currency = Form.useWatch<string | undefined>(currencyField, Form.useFormInstance());
  const regroup = () => {
    const plain = (value ?? '').replace(SEPARATORS, '');
    if (/^\d+(\.\d+)?$/.test(plain)) onChange?.(groupDigits(plain));
  };
  return (
    <Input
      {...rest}
      inputMode="decimal"
      className="crm-money-input"
      value={value}
      onChange={(e) => onChange?.(e.target.value)}
      onBlur={regroup}
      suffix={<span className="crm-muted">{currency?.trim().toUpperCase()}</span>}
    />
  );
}
