import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Empty, List, Space, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../shared/domain/index.ts';
import { call } from '../backend.ts';
import { errorText } from '../forms/errorText.ts';
import { RowActions } from '../forms/RowActions.tsx';
import { useUndoableDelete } from '../forms/useUndoableDelete.tsx';
import { formatDate, todayIso } from '../../shared/format/index.ts';
import { isLanguage } from '../i18n/index.ts';
import { orderTasks, urgency } from './taskOrder.ts';
import { TaskFormModal } from './TaskFormModal.tsx';

/** Open tasks, overdue first (or in the order given, `keepOrder`), with edit, complete and delete (with undo). */
export function TaskList<T extends Task>({ tasks, onChanged, clientLink, keepOrder = false, emptyText }: {
  tasks: T[]; onChanged(): void; clientLink?(task: T): ReactNode; keepOrder?: boolean; emptyText?: string;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const [editing, setEditing] = useState<Task | null>(null);
  const deleteWithUndo = useUndoableDelete();
  const today = todayIso();
  const markDone = async (task: Task) => {
    try {
      await call('tasks.update', { id: task.id, patch: { status: 'done' } });
      onChanged();
    } catch (error) {
      message.error(errorText(error, t));
    }
  };
  if (tasks.length === 0) return <Empty description={emptyText ?? t('tasks.empty')} />;
  return (
    <>
      <List
        dataSource={keepOrder ? tasks : orderTasks(tasks, today)}
        renderItem={(task) => {
          const state = urgency(task, today);
          return (
            <List.Item
              data-testid="task-item"
              actions={[
                task.status !== 'done' && <Button key="done" size="small" icon={<CheckOutlined aria-hidden />} onClick={() => void markDone(task)} aria-label={`${t('tasks.markDone')} ${task.title}`}>
                  {t('tasks.markDone')}
                </Button>,
                <RowActions
                  key="edit"
                  name={task.title}
                  onEdit={() => setEditing(task)}
                  onDelete={() =>
                    void deleteWithUndo({
                      name: task.title,
                      remove: () => call('tasks.delete', { id: task.id }),
                      restore: () => call('tasks.restore', { id: task.id }),
                      changed: onChanged,
                    })
                  }
                />,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{task.title}</span>
                    {state === 'overdue' && <Tag color="#a8071a">{t('tasks.overdue')}</Tag>}
                    {state === 'today' && <Tag color="#874d00">{t('tasks.dueToday')}</Tag>}
                    <Tag>{t(`enums.taskStatus.${task.status}`)}</Tag>
                  </Space>
                }
                description={
                  <Space wrap separator="·">
                    {task.dueDate && <span className={state === 'overdue' ? 'crm-overdue' : undefined}>{t('tasks.field.dueDate')}: {formatDate(task.dueDate, language)}</span>}
                    <span>{t('tasks.field.assigneeLogin')}: {task.assigneeLogin}</span>
                    {clientLink?.(task)}
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
      {editing && <TaskFormModal clientId={editing.clientId} task={editing} onClose={() => setEditing(null)} onSaved={onChanged} />}
    </>
  );
}
