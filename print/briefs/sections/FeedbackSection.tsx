import type { ReactNode } from 'react';
import { daysBetween } from '../../../shared/calendar/days.ts';
import { BRIEF_NOTE_CHARS, npsScore } from '../../../shared/briefs/brief.ts';
import { formatDate } from '../../../shared/format/index.ts';
import { excerpt, None, type SectionProps } from './common.tsx';
import { feedbackTrendSvg } from '../feedbackChart.ts';

/** The heading, key figures, chart and its note are one block that never breaks across pages; the table may. */
export function FeedbackSection({ model, t, heading }: SectionProps & { heading: ReactNode }) {
  const feedback = model.liveFeedback;
  if (feedback.length === 0) return <>{heading}<None t={t} /></>;
  const lang = model.language;
  const latestCsat = feedback.find((f) => f.csat !== null)?.csat ?? null;
  const lastYear = feedback.filter((f) => daysBetween(f.givenOn, model.today) <= 365).flatMap((f) => (f.nps === null ? [] : [f.nps]));
  const nps = npsScore(lastYear);
  const svg = feedbackTrendSvg(model.feedbackTrend, { csat: t.field.csat, nps: t.field.nps });
  return (
    <>
      <div className="keep-with-heading">
        {heading}
        <div className="kpis">
          <span>{t.field.responses}: <b>{feedback.length}</b></span>
          <span>{t.field.latestCsat}: <b>{latestCsat ?? '—'}</b></span>
          <span>{t.field.nps12m}: <b>{nps ?? '—'}</b></span>
        </div>
        <div className="chart" dangerouslySetInnerHTML={{ __html: svg }} />
        <div className="note">{t.chartNote}</div>
      </div>
      <table style={{ marginTop: '6pt' }}>
        <colgroup><col style={{ width: '14%' }} /><col style={{ width: '10%' }} /><col style={{ width: '10%' }} /><col style={{ width: '10%' }} /><col /></colgroup>
        <thead><tr><th>{t.field.when}</th><th>{t.field.channel}</th><th className="num">{t.field.csat}</th><th className="num">{t.field.nps}</th><th>{t.field.comment}</th></tr></thead>
        <tbody>
          {feedback.slice(0, 12).map((f) => (
            <tr key={f.id}>
              <td>{formatDate(f.givenOn, lang)}</td>
              <td>{t.enums.channel[f.channel]}</td>
              <td className="num">{f.csat ?? '—'}</td>
              <td className="num">{f.nps ?? '—'}</td>
              <td>{excerpt(f.comment, BRIEF_NOTE_CHARS)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {feedback.length > 12 && <div className="note">{t.shownOf(12, feedback.length)}</div>}
    </>
  );
}
