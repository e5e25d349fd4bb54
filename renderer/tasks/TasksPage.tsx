import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { routeHref } from '../shell/router.ts';
import { useSettings } from '../shell/stores.ts';
import { TaskFormModal } from './TaskFormModal.tsx';
import { TaskList } from './TaskList.tsx';

/** My open tasks (the RM set in the header; everyone's when none is set), overdue first. */
export function TasksPage() {
  const { t } = useTranslation();
  const me = useSettings((s) => s.me);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let current = true;
    call('tasks.list', me ? { assigneeLogin: me } : {}).then(
      (result) => current && (setTasks(result.items), setError(null)),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [me, version]);

  const reload = () => setVersion((v) => v + 1);
  return (
    <div className="crm-panel" style={{ paddingTop: 16 }}>
      <div className="crm-toolbar">
        <Typography.Title level={2} className="crm-page-title">{t('tasks.title')}</Typography.Title>
        <span className="crm-muted">{me || t('tasks.allAssignees')}</span>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} style={{ marginLeft: 'auto' }}>
          {t('tasks.new')}
        </Button>
      </div>
      {error !== null && (
        <Alert type="error" showIcon title={t('tasks.loadError')} description={errorText(error, t)} action={<Button onClick={reload}>{t('common.retry')}</Button>} />
      )}
      {tasks === null && error === null && <Skeleton active aria-busy="true" />}
      {tasks && (
        <TaskList
          tasks={tasks}
          onChanged={reload}
          clientLink={(task) => task.clientId && <a href={routeHref({ name: 'client', id: task.clientId, tab: 'tasks' })}>{t('tasks.openClient')}</a>}
        />
      )}
      {creating && <TaskFormModal clientId={null} onClose={() => setCreating(false)} onSaved={reload} />}
    </div>
  );
}
