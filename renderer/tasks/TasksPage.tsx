import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_DUE_GROUPS, type TaskDueGroup, type TaskListOutput, type TaskListRow } from '../../shared/api/contract.ts';
import type { TaskStatus } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { useLanguage } from '../i18n/index.ts';
import { useIdentity } from '../identity/identity.ts';
import { useDataChanges } from '../shell/dataChanges.ts';
import { routeHref } from '../shell/router.ts';
import { TaskFormModal } from './TaskFormModal.tsx';
import { TaskList } from './TaskList.tsx';
import './tasks.css';

const PAGE = 100;
type Whose = 'mine' | 'all';
type StatusFilter = 'open' | 'done' | 'any';
const STATUSES: Record<StatusFilter, TaskStatus[]> = { open: ['open', 'in_progress'], done: ['done'], any: ['open', 'in_progress', 'done', 'cancelled'] };

/**
 * Tasks grouped by when they are due (overdue, today, this week, later, no date) with each group's count, each naming
 * its client (a link to the profile) and project; mine (the device's user) or everyone's, by status and group, paged.
 */
export function TasksPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useIdentity((s) => s.user);
  const today = useDataChanges((s) => s.today);
  const dataVersion = useDataChanges((s) => s.version);
  const [whose, setWhose] = useState<Whose>('mine');
  const [status, setStatus] = useState<StatusFilter>('open');
  const [group, setGroup] = useState<TaskDueGroup | 'all'>('all');
  const [pages, setPages] = useState(1);
  const [result, setResult] = useState<TaskListOutput | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const [creating, setCreating] = useState(false);
  const login = user?.login;

  useEffect(() => {
    let current = true;
    setLoading(true);
    call('tasks.list', {
      ...(whose === 'mine' && login ? { assigneeLogin: login } : { allAssignees: true }),
      statuses: STATUSES[status],
      ...(group === 'all' ? {} : { dueGroups: [group] }),
      today, limit: PAGE * pages,
    }).then(
      (answer) => current && (setResult(answer), setError(null), setLoading(false)),
      (failure: unknown) => current && (setError(failure), setLoading(false)),
    );
    return () => {
      current = false;
    };
  }, [whose, login, status, group, pages, today, version, dataVersion]);

  const reload = () => setVersion((v) => v + 1);
  const filter = <T,>(set: (value: T) => void) => (value: T) => (setPages(1), set(value));
  const byGroup = new Map<TaskDueGroup, TaskListRow[]>();
  for (const task of result?.items ?? []) byGroup.set(task.dueGroup, [...(byGroup.get(task.dueGroup) ?? []), task]);
  const shown = result?.items.length ?? 0;
  const total = result?.total ?? 0;
  const allCount = result ? TASK_DUE_GROUPS.reduce((sum, g) => sum + result.counts[g], 0) : null;
  const count = (n: number | null | undefined) => (n === null || n === undefined ? '' : ` (${n})`);

  return (
    <div className="crm-panel crm-tasks-page" style={{ paddingTop: 16 }}>
      <div className="crm-toolbar">
        <Typography.Title level={2} className="crm-page-title">{t('tasks.title')}</Typography.Title>
        <Segmented<Whose> aria-label={t('taskPage.whose')} value={whose} onChange={filter(setWhose)}
          options={[{ value: 'mine', label: user ? `${t('taskPage.mine')} · ${user.name}` : t('taskPage.mine') }, { value: 'all', label: t('taskPage.all') }]} />
        <Select<StatusFilter> aria-label={t('taskPage.status')} value={status} onChange={filter(setStatus)} style={{ width: 120 }}
          options={[{ value: 'open', label: t('taskPage.statusOpen') }, { value: 'done', label: t('taskPage.statusDone') }, { value: 'any', label: t('taskPage.statusAll') }]} />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} style={{ marginLeft: 'auto' }}>
          {t('tasks.new')}
        </Button>
      </div>
      <Segmented<TaskDueGroup | 'all'>
        aria-label={t('taskPage.group')} value={group} onChange={filter(setGroup)} data-testid="task-groups" style={{ marginBottom: 12 }}
        options={[
          { value: 'all', label: `${t('taskPage.allGroups')}${count(allCount)}` },
          ...TASK_DUE_GROUPS.map((g) => ({ value: g, label: `${t(`taskPage.groups.${g}`)}${count(result?.counts[g])}` })),
        ]}
      />
      {error !== null && (
        <Alert type="error" showIcon title={t('tasks.loadError')} description={errorText(error, t)} action={<Button onClick={reload}>{t('common.retry')}</Button>} />
      )}
      {result === null && error === null && <Skeleton active aria-busy="true" />}
      {result && (
        <div className="crm-task-groups" aria-busy={loading}>
          {shown === 0 && <TaskList tasks={[]} onChanged={reload} emptyText={t('taskPage.empty')} />}
          {TASK_DUE_GROUPS.filter((g) => byGroup.has(g)).map((g) => (
            <section key={g} data-testid={`task-group-${g}`} aria-labelledby={`task-group-${g}`} className={`crm-task-group crm-task-group-${g}`}>
              <Typography.Title level={3} id={`task-group-${g}`} className="crm-task-group-title">
                {t(`taskPage.groups.${g}`)} <span className="crm-muted">{result.counts[g]}</span>
              </Typography.Title>
              <TaskList
                tasks={byGroup.get(g) ?? []}
                keepOrder
                onChanged={reload}
                clientLink={(task) => (
                  <Space size={4} wrap separator="·">
                    {task.clientId && task.clientName
                      ? <a href={routeHref({ name: 'client', id: task.clientId, tab: 'tasks' })} data-testid="task-client">{language === 'en' && task.clientEnglishName ? task.clientEnglishName : task.clientName}</a>
                      : <span className="crm-muted">{t('taskPage.noClient')}</span>}
                    {task.projectId && task.projectName && task.clientId && (
                      <span>{t('taskPage.project')}: <a href={routeHref({ name: 'client', id: task.clientId, tab: 'projects', item: task.projectId })}>{task.projectName}</a></span>
                    )}
                  </Space>
                )}
              />
            </section>
          ))}
          {shown > 0 && (
            <div className="crm-task-paging">
              <span className="crm-muted" role="status">{t('taskPage.shown', { shown, total })}</span>
              {shown < total && <Button onClick={() => setPages((p) => p + 1)} loading={loading}>{t('taskPage.more')}</Button>}
            </div>
          )}
        </div>
      )}
      {creating && <TaskFormModal clientId={null} onClose={() => setCreating(false)} onSaved={reload} />}
    </div>
  );
}
