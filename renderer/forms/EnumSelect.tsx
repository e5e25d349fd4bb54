import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';

type EnumSelectProps = Omit<SelectProps, 'options'> & {
  values: readonly string[];
  /** i18n group under `enums.`, or null to show the values as they are (e.g. rating grades). */
  group: string | null;
};

type Option = { value: string; label: string };

/**
 * How well an option's label answers what is typed: the exact label first, then labels starting with it, then the
 * rest, so that "AA" then Enter picks AA, not AAA.
 */
export function matchRank(label: string, typed: string): number {
  const a = label.toLowerCase();
  const b = typed.trim().toLowerCase();
  if (a === b) return 0;
  return a.startsWith(b) ? 1 : 2;
}

/** A select over a domain enum with labels in the UI language. */
export function EnumSelect({ values, group, ...rest }: EnumSelectProps) {
  const { t } = useTranslation();
  const options: Option[] = values.map((value) => ({ value, label: group ? t(`enums.${group}.${value}`) : value }));
  return (
    <Select
      showSearch={{
        optionFilterProp: 'label',
        // Ties keep the list's own order (Array.prototype.sort is stable).
        filterSort: (a: Option, b: Option, { searchValue }: { searchValue: string }) => matchRank(a.label, searchValue) - matchRank(b.label, searchValue),
      }}
      options={options}
      {...rest}
    />
  );
}
