import type { ClientProfile } from '../../shared/api/contract.ts';
import type { Client, Contact, Feedback, Interaction, Project, Segment, Task } from '../../shared/domain/index.ts';
import { decodeRow, type Row } from '../records/codec.ts';
import { getRecord } from '../records/crud.ts';
import { sortByName } from '../search/pinyin.ts';
import { ENTITIES } from '../../shared/entities/registry.ts';
import type { Store } from '../store/store.ts';

export const RECENT_INTERACTIONS = 50;

/** The client 360: the client and everything hanging off it, read in one call. */
export function clientProfile(store: Store, id: string): ClientProfile {
  const client = getRecord<Client>(store, ENTITIES.clients, id);
  const rows = (sql: string) => store.prepare(sql).all(id) as Row[];
  // Decision makers first, then names in pinyin order.
  const contacts = sortByName(rows(`SELECT * FROM contacts WHERE clientId = ? AND deletedAt IS NULL`).map((r) => decodeRow<Contact>(ENTITIES.contacts, r)), (c) => c.name)
    .sort((a, b) => Number(b.isDecisionMaker) - Number(a.isDecisionMaker));
  const projects = rows(`SELECT * FROM projects WHERE clientId = ? AND deletedAt IS NULL ORDER BY coalesce(expectedCloseDate, '9999') DESC, seq DESC`)
    .map((r) => decodeRow<Project>(ENTITIES.projects, r));
  const recentInteractions = rows(`SELECT * FROM interactions WHERE clientId = ? AND deletedAt IS NULL ORDER BY occurredAt DESC LIMIT ${RECENT_INTERACTIONS}`)
    .map((r) => decodeRow<Interaction>(ENTITIES.interactions, r));
  const interactionCount = store.prepare(`SELECT count(*) FROM interactions WHERE clientId = ? AND deletedAt IS NULL`).pluck().get(id) as number;
  const feedbackRows = rows(`SELECT * FROM feedback WHERE clientId = ? AND deletedAt IS NULL ORDER BY givenOn DESC, seq DESC`)
    .map((r) => decodeRow<Feedback>(ENTITIES.feedback, r));
  const supersededBy = new Map(feedbackRows.filter((f) => f.supersedesId).map((f) => [f.supersedesId as string, f.id]));
  const feedback = feedbackRows.map((f) => ({ ...f, supersededById: supersededBy.get(f.id) ?? null }));
  const openTasks = rows(`SELECT * FROM tasks WHERE clientId = ? AND deletedAt IS NULL AND status IN ('open', 'in_progress') ORDER BY coalesce(dueDate, '9999'), seq`)
    .map((r) => decodeRow<Task>(ENTITIES.tasks, r));
  const segmentRow = client.segmentId ? (store.prepare(`SELECT * FROM segments WHERE id = ? AND deletedAt IS NULL`).get(client.segmentId) as Row | undefined) : undefined;
  const segment = segmentRow ? decodeRow<Segment>(ENTITIES.segments, segmentRow) : null;
  return { client, segment, contacts, projects, recentInteractions, interactionCount, feedback, openTasks };
}
