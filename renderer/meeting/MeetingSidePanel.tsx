import { Collapse, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProfile } from '../../shared/api/contract.ts';
import type { RiskRow } from '../../shared/api/risksContract.ts';
import { formatDate, formatScaledMoney, moneyScale, moneyUnit } from '../../shared/format/index.ts';
import { call } from '../backend.ts';
import { useLanguage } from '../i18n/index.ts';
import { SEVERITY_COLORS } from '../risks/ClientBadges.tsx';
import { routeHref } from '../shell/router.ts';

const ENDED = new Set(['closed', 'declined', 'lost']);
const KEY = 'crm.meeting.sidePanel';

/**
 * Beside the meeting notes: the client's open tasks, active projects and open risk alerts, so the RM can raise them.
 * Collapsible (remembered on this device); it sits in the form's side column and never covers the notes.
 */
export function MeetingSidePanel({ profile }: { profile: ClientProfile }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [alerts, setAlerts] = useState<RiskRow[] | null>(null);
  const [alertsFailed, setAlertsFailed] = useState(false);
  const [open, setOpen] = useState(() => localStorage.getItem(KEY) !== 'closed');
  const clientId = profile.client.id;
  useEffect(() => {
    let current = true;
    call('risks.list', { clientId, limit: 20 }).then((list) => current && setAlerts(list.items), () => current && setAlertsFailed(true));
    return () => {
      current = false;
    };
  }, [clientId]);

  const projects = profile.projects.filter((p) => !ENDED.has(p.stage));
  const tasks = profile.openTasks;
  // A list: amounts in one unit (亿元 / CNY bn), as the home page's pipeline shows them.
  const scale = moneyScale(projects.map((p) => ({ minor: p.ourCommitmentMinor, currency: p.currency })), language);
  const toggle = (keys: string[]) => {
    const next = keys.includes('side');
    setOpen(next);
    localStorage.setItem(KEY, next ? 'open' : 'closed');
  };
  const summary = t('home.side.summary', { tasks: tasks.length, projects: projects.length, alerts: alerts?.length ?? '…' });

  return (
    <Collapse
      className="crm-meeting-side"
      data-testid="meeting-side-panel"
      size="small"
      activeKey={open ? ['side'] : []}
      onChange={toggle}
      items={[{
        key: 'side',
        label: <span><strong>{t('home.side.title')}</strong> <span className="crm-muted">{summary}</span></span>,
        children: (
          <div className="crm-meeting-side-body">
            <h3>{t('home.side.tasks')}</h3>
            {tasks.length === 0 ? <p className="crm-muted">{t('home.side.noTasks')}</p> : (
              <ul>
                {tasks.map((task) => (
                  <li key={task.id}>
                    <a href={routeHref({ name: 'client', id: clientId, tab: 'tasks' })} target="_self">{task.title}</a>
                    {task.dueDate && <span className={task.dueDate < new Date().toISOString().slice(0, 10) ? 'crm-overdue' : 'crm-muted'}> · {t('home.side.due', { date: formatDate(task.dueDate, language) })}</span>}
                  </li>
                ))}
              </ul>
            )}
            <h3>{t('home.side.projects')}</h3>
            {projects.length === 0 ? <p className="crm-muted">{t('home.side.noProjects')}</p> : (
              <ul>
                {projects.map((p) => (
                  <li key={p.id}>
                    <a href={routeHref({ name: 'client', id: clientId, tab: 'projects', item: p.id })}>{p.name}</a>
                    <span className="crm-muted"> · {t(`enums.stage.${p.stage}`)} · {formatScaledMoney(p.ourCommitmentMinor, p.currency, scale, language)} {moneyUnit(scale, p.currency, language)}</span>
                  </li>
                ))}
              </ul>
            )}
            <h3>{t('home.side.alerts')}</h3>
            {alertsFailed && <p className="crm-overdue">{t('home.side.alertsError')}</p>}
            {alerts !== null && (alerts.length === 0 ? <p className="crm-muted">{t('home.side.noAlerts')}</p> : (
              <ul>
                {alerts.map((row) => (
                  <li key={`${row.alert.rule}:${row.alert.subject}`}>
                    <Tag className="crm-badge" style={SEVERITY_COLORS[row.alert.severity]}>{t(`risks.severity.${row.alert.severity}`)}</Tag>
                    <a href={routeHref({ name: 'risks', clientId })}>{t(`risks.rule.${row.alert.rule}`)}</a>
                  </li>
                ))}
              </ul>
            ))}
          </div>
        ),
      }]}
    />
  );
}
