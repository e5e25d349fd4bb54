import { BRIEF_NOTE_CHARS } from '../../../shared/briefs/brief.ts';
import { formatDate } from '../../../shared/format/index.ts';
import { excerpt, None, type SectionProps } from './common.tsx';

export function TasksSection({ model, t }: SectionProps) {
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
