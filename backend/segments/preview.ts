import type { z } from 'zod';
import type { SegmentPreview, SegmentPreviewInput } from '../../shared/api/segmentsContract.ts';
import type { Segment } from '../../shared/domain/index.ts';
import { byPrecedence, firstMatch, matchesRule } from '../../shared/segments/match.ts';
import type { ClientEvaluation, Evaluation } from '../portfolio/evaluate.ts';
import { sortedView, type ViewSpec } from '../portfolio/views.ts';

type Input = z.output<typeof SegmentPreviewInput>;
type Ref = { segmentId: string | null; name: string | null; nameEn: string | null };
const ref = (segment: Segment | null): Ref => ({ segmentId: segment?.id ?? null, name: segment?.name ?? null, nameEn: segment?.nameEn ?? null });

/** Clients in name order (ties by id), sorted once a day and carried over edits, so a preview's sample is the first matches by name. */
const BY_NAME: ViewSpec<{ row: ClientEvaluation }> = {
  key: 'names',
  entriesOf: (row, into) => into.push({ row }),
  compare: ({ row: { client: a } }, { row: { client: b } }) =>
    a.legalName < b.legalName ? -1 : a.legalName > b.legalName ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
};

/**
 * What a segment being edited would do if saved now: which clients its rule matches, which it would hold (no segment
 * tried before it takes them), and who would move in or out. Only the draft's rule is evaluated for most clients: a
 * client whose segment is tried before the draft keeps it; the edited segment's own clients are placed again in full.
 */
export function previewSegment(evaluation: Evaluation, input: Input, now: string): SegmentPreview {
  const edited = input.segmentId ? evaluation.segments.find((s) => s.id === input.segmentId) ?? null : null;
  const draft: Segment = edited
    ? { ...edited, priority: input.priority, rule: input.rule }
    : { id: '00000000-0000-7000-8000-000000000000', createdAt: now, updatedAt: now, deletedAt: null, name: '', nameEn: '', description: '', priority: input.priority, rule: input.rule, policy: { tier: 'standard', contactCadenceDays: 1, contactTypes: ['meeting'], preferredChannels: [], reviewFrequencyDays: 1 } };
  const ordered = byPrecedence([...evaluation.segments.filter((s) => s !== edited), draft]);
  const rank = new Map(ordered.map((s, i) => [s.id, i]));
  const draftRank = rank.get(draft.id)!;
  let matches = 0;
  let members = 0;
  const sample: SegmentPreview['sample'] = [];
  const movesIn = new Map<string | null, { segment: Segment | null; clients: number }>();
  const movesOut = new Map<string | null, { segment: Segment | null; clients: number }>();
  const count = (moves: typeof movesIn, segment: Segment | null) => {
    const entry = moves.get(segment?.id ?? null) ?? { segment, clients: 0 };
    entry.clients += 1;
    moves.set(segment?.id ?? null, entry);
  };
  for (const { row } of sortedView(evaluation, BY_NAME)) {
    const matched = matchesRule(draft.rule, row.facts);
    const current = row.segment;
    let next: Segment | null;
    if (edited && current?.id === edited.id) next = firstMatch(ordered, row.facts);
    else if (current && rank.get(current.id)! < draftRank) next = current;
    else next = matched ? draft : current;
    const joins = next === draft;
    if (matched) {
      matches += 1;
      if (sample.length < input.limit) sample.push({ id: row.client.id, legalName: row.client.legalName, englishName: row.client.englishName, current: ref(current), joins });
    }
    if (joins) members += 1;
    if (joins && current?.id !== draft.id) count(movesIn, current);
    if (!joins && edited && current?.id === edited.id) count(movesOut, next);
  }
  const list = (moves: typeof movesIn) => [...moves.values()].sort((a, b) => b.clients - a.clients).map((m) => ({ ...ref(m.segment), clients: m.clients }));
  return { matches, members, sample, movesIn: list(movesIn), movesOut: list(movesOut) };
}
