import { formatDate, formatMoney } from '../../../shared/format/index.ts';
import { formatRatio, None, type SectionProps } from './common.tsx';

export function ProjectsSection({ model, t }: SectionProps) {
  const { projects } = model.profile;
  if (projects.length === 0) return <None t={t} />;
  const lang = model.language;
  const money = (minor: number, currency: string) => formatMoney(minor, currency, lang);
  const live = projects.filter((p) => p.stage !== 'declined' && p.stage !== 'lost' && p.stage !== 'closed');
  const totals = new Map<string, number>();
  for (const p of live) totals.set(p.currency, (totals.get(p.currency) ?? 0) + p.ourCommitmentMinor);
  // The flag beside a DSCR is the risk rule's verdict, so the table and the alerts never disagree.
  const dscrStanding = new Map<string, 'below' | 'near'>();
  for (const a of model.alerts) {
    if (a.rule === 'dscr_breach') dscrStanding.set(a.detail.projectId, 'below');
    if (a.rule === 'dscr_near') dscrStanding.set(a.detail.projectId, 'near');
  }
  return (
    <table>
      <colgroup><col style={{ width: '22%' }} /><col style={{ width: '14%' }} /><col style={{ width: '31%' }} /><col style={{ width: '11%' }} /><col style={{ width: '12%' }} /><col style={{ width: '10%' }} /></colgroup>
      <thead>
        <tr><th>{t.field.project}</th><th>{t.field.stage}</th><th>{t.field.amounts}</th><th>{t.field.tenorMargin}</th><th>{t.field.dscr}</th><th>{t.field.expectedClose}</th></tr>
      </thead>
      <tbody>
        {projects.map((p) => {
          const since = p.stageDates[p.stage];
          const standing = dscrStanding.get(p.id);
          return (
            <tr key={p.id}>
              <td><b>{p.name}</b><div className="muted">{t.enums.sector[p.sector]}{p.sponsor && ` · ${p.sponsor}`}</div></td>
              <td>{t.enums.stage[p.stage]}{since && <div className="muted">{t.field.since} {formatDate(since, lang)}</div>}</td>
              <td className="amounts">
                <div><span>{t.field.commitment}</span><span className="num">{money(p.ourCommitmentMinor, p.currency)}</span></div>
                <div><span>{t.field.debt}</span><span className="num">{money(p.debtAmountMinor, p.currency)}</span></div>
                <div><span>{t.field.totalCost}</span><span className="num">{money(p.totalCostMinor, p.currency)}</span></div>
              </td>
              <td>{t.months(p.tenorMonths)}<div className="muted">{p.marginBps} bps</div></td>
              <td className="num">
                {p.dscrMin === null ? '—' : formatRatio(p.dscrMin)} / {p.dscrAvg === null ? '—' : formatRatio(p.dscrAvg)}
                <div className="muted">vs {p.covenantMinDscr === null ? '—' : formatRatio(p.covenantMinDscr)}</div>
                {standing && <div className={`flag ${standing}`}>{t.dscrStanding[standing]}</div>}
              </td>
              <td>{p.expectedCloseDate ? formatDate(p.expectedCloseDate, lang) : '—'}</td>
            </tr>
          );
        })}
      </tbody>
      {totals.size > 0 && (
        <tfoot>
          <tr>
            <td colSpan={2}>{t.field.totalCommitment}</td>
            <td className="amounts">{[...totals].map(([currency, minor]) => <div key={currency}><span>{currency}</span><span className="num">{money(minor, currency)}</span></div>)}</td>
            <td colSpan={3} />
          </tr>
        </tfoot>
      )}
    </table>
  );
}
