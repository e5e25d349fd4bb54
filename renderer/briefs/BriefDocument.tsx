import type { ReactNode } from 'react';
import { BRIEF_NOTE_CHARS, npsScore, type BriefModel, type BriefSection } from '../../shared/briefs/brief.ts';
import { daysBetween } from '../../shared/risk/rules.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { briefText, type BriefText } from './briefText.ts';
import { feedbackTrendSvg } from './feedbackChart.ts';

/** The printable client brief (product.md "PDF client brief"): one template for every host that prints it. */
export function BriefDocument({ model }: { model: BriefModel }) {
  const t = briefText(model.language);
  const { client } = model.profile;
  const sections: Record<BriefSection, () => ReactNode> = {
    profile: () => <ProfileSection model={model} t={t} />,
    risks: () => <RisksSection model={model} t={t} />,
    contacts: () => <ContactsSection model={model} t={t} />,
    projects: () => <ProjectsSection model={model} t={t} />,
    interactions: () => <InteractionsSection model={model} t={t} />,
    tasks: () => <TasksSection model={model} t={t} />,
    feedback: () => <FeedbackSection model={model} t={t} />,
  };
  return (
    <main>
      <header className="brief-title">
        <span className="kind">{t.title}</span>
        <h1>{client.legalName}</h1>
        <div className="sub">
          {client.englishName && <>{client.englishName} · </>}
          <span className="mono">{client.creditCode}</span> · {t.generated} {formatDate(model.today, model.language)}
        </div>
      </header>
      {model.sections.map((s) => (
        <section key={s} id={`brief-${s}`}>
          <h2>{t.section[s]}</h2>
          {sections[s]()}
        </section>
      ))}
    </main>
  );
}

interface SectionProps {
  model: BriefModel;
  t: BriefText;
}

const None = ({ t }: { t: BriefText }) => <div className="none">{t.none}</div>;
/** The local calendar day of an instant; a brief lists days, the app shows times. */
const formatDay = (instant: string, language: BriefModel['language']) => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(instant));
const x = (v: number) => `${v.toFixed(2)}x`;
const excerpt = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ProfileSection({ model, t }: SectionProps) {
  const { client, segment } = model.profile;
  const lang = model.language;
  const dash = '—';
  const money = (minor: number | null) => (minor === null ? dash : formatMoney(minor, client.financialsCurrency, lang));
  return (
    <>
      <dl className="facts">
        <Fact label={t.field.legalName}>{client.legalName}</Fact>
        <Fact label={t.field.englishName}>{client.englishName || dash}</Fact>
        <Fact label={t.field.creditCode}><span className="mono">{client.creditCode}</span></Fact>
        <Fact label={t.field.industry}>{t.enums.industry[client.industry]}</Fact>
        <Fact label={t.field.region}>{t.enums.region[client.region]}</Fact>
        <Fact label={t.field.sizeBand}>{t.enums.sizeBand[client.sizeBand]}</Fact>
        <Fact label={t.field.rating}>{client.rating}</Fact>
        <Fact label={t.field.lastReviewRating}>{client.lastReviewRating ?? dash}</Fact>
        <Fact label={t.field.status}>{t.enums.status[client.status]}</Fact>
        <Fact label={t.field.owner}>{client.ownerLogin}</Fact>
        <Fact label={t.field.team}>{client.teamCode || dash}</Fact>
        <Fact label={t.field.relationshipStart}>{client.relationshipStart ? formatDate(client.relationshipStart, lang) : dash}</Fact>
        <Fact label={t.field.lastContact}>{client.lastContactAt ? formatDate(client.lastContactAt, lang) : dash}</Fact>
        <Fact label={t.field.revenue}>{money(client.annualRevenueMinor)}</Fact>
        <Fact label={t.field.assets}>{money(client.totalAssetsMinor)}</Fact>
        {client.tags.length > 0 && <Fact label={t.field.tags}>{client.tags.join(lang === 'en' ? ', ' : '、')}</Fact>}
      </dl>
      <h3>{t.field.segment}{lang === 'en' ? ': ' : '：'}{segment ? segment.name : t.field.noSegment}</h3>
      {segment && (
        <dl className="facts">
          <Fact label={t.field.tier}>{t.enums.tier[segment.policy.tier]}</Fact>
          <Fact label={t.field.cadence}>{t.days(segment.policy.contactCadenceDays)}</Fact>
          <Fact label={t.field.review}>{t.days(segment.policy.reviewFrequencyDays)}</Fact>
          <Fact label={t.field.channels}>{segment.policy.preferredChannels.map((c) => t.enums.channel[c]).join(lang === 'en' ? ', ' : '、') || dash}</Fact>
        </dl>
      )}
      {client.notes && (
        <>
          <h3>{t.field.notes}</h3>
          <p className="notes">{excerpt(client.notes, 1200)}</p>
        </>
      )}
    </>
  );
}

function RisksSection({ model, t }: SectionProps) {
  if (model.alerts.length === 0) return <None t={t} />;
  const f = { date: (d: string) => formatDate(d, model.language), x };
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

function ContactsSection({ model, t }: SectionProps) {
  const { contacts } = model.profile;
  if (contacts.length === 0) return <None t={t} />;
  return (
    <table>
      <colgroup><col style={{ width: '16%' }} /><col style={{ width: '18%' }} /><col style={{ width: '16%' }} /><col style={{ width: '16%' }} /><col style={{ width: '22%' }} /><col style={{ width: '12%' }} /></colgroup>
      <thead><tr><th>{t.field.contact}</th><th>{t.field.title}</th><th>{t.field.department}</th><th>{t.field.phone}</th><th>{t.field.email}</th><th>{t.field.wechat}</th></tr></thead>
      <tbody>
        {contacts.map((c) => (
          <tr key={c.id}>
            <td>{c.name}{c.isDecisionMaker && <div className="flag near">{t.field.decisionMaker}</div>}</td>
            <td>{c.title}</td><td>{c.department}</td><td>{c.phone}</td><td>{c.email}</td><td>{c.wechatId}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ProjectsSection({ model, t }: SectionProps) {
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
    if (a.rule === 'dscr_below_covenant') dscrStanding.set(a.projectId, 'below');
    if (a.rule === 'dscr_near_covenant') dscrStanding.set(a.projectId, 'near');
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
                {p.dscrMin === null ? '—' : x(p.dscrMin)} / {p.dscrAvg === null ? '—' : x(p.dscrAvg)}
                <div className="muted">vs {p.covenantMinDscr === null ? '—' : x(p.covenantMinDscr)}</div>
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

function InteractionsSection({ model, t }: SectionProps) {
  const { interactions } = model;
  const total = model.profile.interactionCount;
  if (interactions.length === 0) return <None t={t} />;
  const names = new Map(model.profile.contacts.map((c) => [c.id, c.name]));
  const lang = model.language;
  return (
    <>
      <table>
        <colgroup><col style={{ width: '14%' }} /><col style={{ width: '7%' }} /><col style={{ width: '16%' }} /><col style={{ width: '41%' }} /><col style={{ width: '22%' }} /></colgroup>
        <thead><tr><th>{t.field.when}</th><th>{t.field.type}</th><th>{t.field.attendees}</th><th>{t.field.notesOutcome}</th><th>{t.field.nextSteps}</th></tr></thead>
        <tbody>
          {interactions.map((i) => (
            <tr key={i.id}>
              <td>{formatDay(i.occurredAt, lang)}</td>
              <td>{t.enums.interactionType[i.type]}</td>
              <td>{[...i.attendeeContactIds.map((id) => names.get(id)).filter((n): n is string => !!n), ...i.attendeeLogins].join(lang === 'en' ? ', ' : '、')}</td>
              <td>{excerpt(i.notes, BRIEF_NOTE_CHARS)}{i.outcomes && <div className="muted">{excerpt(i.outcomes, BRIEF_NOTE_CHARS / 2)}</div>}</td>
              <td>{excerpt(i.nextSteps, BRIEF_NOTE_CHARS / 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > interactions.length && <div className="note">{t.shownOf(interactions.length, total)}</div>}
    </>
  );
}

function TasksSection({ model, t }: SectionProps) {
  const { openTasks } = model.profile;
  if (openTasks.length === 0) return <None t={t} />;
  return (
    <table>
      <colgroup><col style={{ width: '52%' }} /><col style={{ width: '18%' }} /><col style={{ width: '16%' }} /><col style={{ width: '14%' }} /></colgroup>
      <thead><tr><th>{t.field.task}</th><th>{t.field.due}</th><th>{t.field.assignee}</th><th>{t.field.taskStatus}</th></tr></thead>
      <tbody>
        {openTasks.map((task) => (
          <tr key={task.id}>
            <td>{task.title}{task.details && <div className="muted">{excerpt(task.details, BRIEF_NOTE_CHARS)}</div>}</td>
            <td>
              {task.dueDate ? formatDate(task.dueDate, model.language) : '—'}
              {task.dueDate && task.dueDate < model.today && <div className="flag overdue">{t.field.overdue}</div>}
            </td>
            <td>{task.assigneeLogin}</td>
            <td>{t.enums.taskStatus[task.status]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FeedbackSection({ model, t }: SectionProps) {
  const feedback = model.liveFeedback;
  if (feedback.length === 0) return <None t={t} />;
  const lang = model.language;
  const latestCsat = feedback.find((f) => f.csat !== null)?.csat ?? null;
  const lastYear = feedback.filter((f) => daysBetween(f.givenOn, model.today) <= 365).flatMap((f) => (f.nps === null ? [] : [f.nps]));
  const nps = npsScore(lastYear);
  const svg = feedbackTrendSvg(model.feedbackTrend, { csat: t.field.csat, nps: t.field.nps });
  return (
    <>
      <div className="kpis">
        <span>{t.field.responses}: <b>{feedback.length}</b></span>
        <span>{t.field.latestCsat}: <b>{latestCsat ?? '—'}</b></span>
        <span>{t.field.nps12m}: <b>{nps ?? '—'}</b></span>
      </div>
      <div className="chart" dangerouslySetInnerHTML={{ __html: svg }} />
      <div className="note">{t.chartNote}</div>
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
