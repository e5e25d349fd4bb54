import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';

type EnumSelectProps = Omit<SelectProps, 'options'> & {
  values: readonly string[];
  /** i18n group under `enums.`, or null to show the values as they are (e.g. rating grades). */
  group: string | null;
};

/** A select over a domain enum with labels in the UI language. */
export function EnumSelect({ values, group, ...rest }: EnumSelectProps) {
  const { t } = useTranslation();
  const options = values.map((value) => ({ value, label: group ? t(`enums.${group}.${value}`) : value }));
  return <Select showSearch={{ optionFilterProp: 'label' }} options={options} {...rest} />;
}
