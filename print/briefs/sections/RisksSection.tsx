import { formatDate } from '../../../shared/format/index.ts';
import { formatRatio, None, type SectionProps } from './common.tsx';

export function RisksSection({ model, t }: SectionProps) {
  if (model.alerts.length === 0) return <None t={t} />;
  const f = { date: (d: string) => formatDate(d, model.language), x: formatRatio };
  return (
    <table className="alerts">
      <colgroup><col style={{ width: '26%' }} /><col /></colgroup>
      <thead><tr><th>{t.field.alert}</th><th>{t.field.explanation}</th></tr></thead>
      <tbody>
        {model.alerts.map((a, i) => (
          <tr key={i}><td>{t.alertTitle[a.rule]}</td><td>{t.explain(a, f)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}
