import { None, type SectionProps } from './common.tsx';

export function RisksSection({ model, t }: SectionProps) {
  if (model.alerts.length === 0) return <None t={t} />;
  return (
    <table className="alerts">
      <colgroup><col style={{ width: '26%' }} /><col /></colgroup>
      <thead><tr><th>{t.field.alert}</th><th>{t.field.explanation}</th></tr></thead>
      <tbody>
        {model.alerts.map((a, i) => (
          <tr key={i}><td>{t.alertTitle[a.rule]}</td><td>{t.explain(a)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}
