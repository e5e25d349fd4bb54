import { commonCurrency, formatDate, formatScaledMoney, moneyScale, moneyUnit } from '../../../shared/format/index.ts';
import { formatRatio, None, type SectionProps } from './common.tsx';

export function ProjectsSection({ model, t }: SectionProps) {
  const { projects } = model.profile;
  if (projects.length === 0) return <None t={t} />;
  const lang = model.language;
  // The app's table convention (renderer/projects/ProjectsTab.tsx): one unit for every amount, named in the header
  // (亿元 / 万元, CNY bn / m); when projects mix currencies the header names only the scale and each figure its currency.
  const amounts = projects.flatMap((p) => [p.ourCommitmentMinor, p.debtAmountMinor, p.totalCostMinor].map((minor) => ({ minor, currency: p.currency })));
  const scale = moneyScale(amounts, lang);
  const currency = commonCurrency(amounts);
  const unit = moneyUnit(scale, currency, lang);
  const money = (minor: number, of: string) => `${currency === null ? `${of} ` : ''}${formatScaledMoney(minor, of, scale, lang)}`;
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
      <colgroup><col style={{ width: '21%' }} /><col style={{ width: '15%' }} /><col style={{ width: '24%' }} /><col style={{ width: '11%' }} /><col style={{ width: '16%' }} /><col style={{ width: '13%' }} /></colgroup>
      <thead>
        <tr><th>{t.field.project}</th><th>{t.field.stage}</th><th>{t.amountHeader(t.field.amounts, unit)}</th><th>{t.field.tenorMargin}</th><th>{t.field.dscr}</th><th>{t.field.expectedClose}</th></tr>
      </thead>
      <tbody>
        {projects.map((p) => {
          const since = p.stageDates[p.stage];
          const standing = dscrStanding.get(p.id);
          return (
            <tr key={p.id}>
              <td><b>{p.name}</b><div className="muted">{t.enums.sector[p.sector]}{p.sponsor && ` · ${p.sponsor}`}</div></td>
              <td>{t.enums.stage[p.stage]}{since && <div className="muted">{t.field.since} <span className="nowrap">{formatDate(since, lang)}</span></div>}</td>
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
              <td className="nowrap">{p.expectedCloseDate ? formatDate(p.expectedCloseDate, lang) : '—'}</td>
            </tr>
          );
        })}
      </tbody>
      {totals.size > 0 && (
        <tfoot>
          <tr>
            <td colSpan={2}>{t.field.totalCommitment}</td>
            <td className="amounts">{[...totals].map(([of, minor]) => <div key={of}><span>{of}</span><span className="num">{formatScaledMoney(minor, of, scale, lang)}</span></div>)}</td>
            <td colSpan={3} />
          </tr>
        </tfoot>
      )}
    </table>
  );
}
