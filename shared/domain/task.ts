import { z } from 'zod';
import { CalendarDate, Id, Login, RecordMeta, optionalText, requiredText } from './common.ts';
import { TaskStatus } from './enums.ts';

export const TaskFields = z.object({
  title: requiredText(300),
  details: optionalText(5_000),
  dueDate: CalendarDate.nullable().default(null),
  assigneeLogin: Login,
  status: TaskStatus.default('open'),
  clientId: Id.nullable().default(null),
  projectId: Id.nullable().default(null),
  interactionId: Id.nullable().default(null),
});
export type TaskFields = z.infer<typeof TaskFields>;

export const Task = RecordMeta.extend(TaskFields.shape);
export type Task = z.infer<typeof Task>;
