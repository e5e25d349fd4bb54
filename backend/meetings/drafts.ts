import type { z } from 'zod';
import { ApiError } from '../../shared/api/errors.ts';
import type { meetingMethods } from '../../shared/api/meetingContract.ts';
import { MeetingDraftContent, type MeetingDraft, type MeetingDraftSummary } from '../../shared/meetings/draft.ts';
import type { Store } from '../store/store.ts';

type SaveInput = z.output<(typeof meetingMethods)['drafts.save']['input']>;
interface DraftRow { clientId: string; content: string; focus: string | null; revision: number; createdAt: string; updatedAt: string }

const decode = (row: DraftRow): MeetingDraft => ({
  clientId: row.clientId,
  content: MeetingDraftContent.parse(JSON.parse(row.content)),
  focus: row.focus ? (JSON.parse(row.focus) as MeetingDraft['focus']) : null,
  revision: row.revision,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/**
 * Meeting drafts: device-local, one per client, written on every (debounced) keystroke batch. Not part of
 * the sync outbox: a draft is the RM's scratch pad until `meetings.finish` turns it into records.
 */
export function saveDraft(store: Store, input: SaveInput, at: string): { clientId: string; revision: number; updatedAt: string; applied: boolean } {
  return store.transaction(() => {
    if (!store.prepare(`SELECT 1 FROM clients WHERE id = ? AND deletedAt IS NULL`).get(input.clientId))
      throw new ApiError('not_found', `No client with id ${input.clientId}.`);
    const stored = store.prepare(`SELECT revision, updatedAt FROM meeting_drafts WHERE clientId = ?`).get(input.clientId) as { revision: number; updatedAt: string } | undefined;
    // Saves travel independently; one that arrives after a newer one must not overwrite it.
    if (stored && stored.revision > input.revision) return { clientId: input.clientId, revision: stored.revision, updatedAt: stored.updatedAt, applied: false };
    store.prepare(
      `INSERT INTO meeting_drafts (clientId, content, focus, revision, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (clientId) DO UPDATE SET content = excluded.content, focus = excluded.focus, revision = excluded.revision, updatedAt = excluded.updatedAt`,
    ).run(input.clientId, JSON.stringify(input.content), input.focus ? JSON.stringify(input.focus) : null, input.revision, at, at);
    return { clientId: input.clientId, revision: input.revision, updatedAt: at, applied: true };
  });
}

export function getDraft(store: Store, clientId: string): MeetingDraft | null {
  const row = store.prepare(`SELECT * FROM meeting_drafts WHERE clientId = ?`).get(clientId) as DraftRow | undefined;
  return row ? decode(row) : null;
}

export function listDrafts(store: Store): MeetingDraftSummary[] {
  const rows = store
    .prepare(`SELECT d.*, c.legalName FROM meeting_drafts d LEFT JOIN clients c ON c.id = d.clientId ORDER BY d.updatedAt DESC`)
    .all() as (DraftRow & { legalName: string | null })[];
  return rows.map((row) => {
    const draft = decode(row);
    return {
      clientId: draft.clientId, revision: draft.revision, createdAt: draft.createdAt, updatedAt: draft.updatedAt,
      legalName: row.legalName ?? '', excerpt: draft.content.notes.replace(/\s+/g, ' ').trim().slice(0, 120),
    };
  });
}

export function discardDraft(store: Store, clientId: string): boolean {
  return store.prepare(`DELETE FROM meeting_drafts WHERE clientId = ?`).run(clientId).changes > 0;
}
