import type { z } from 'zod';
import type { CoverageListInput, CoverageListOutput, CoverageRow } from '../../shared/api/coverageContract.ts';
import { coverageStatus, type CoverageStatus } from '../../shared/coverage/coverage.ts';
import { SIZE_BANDS } from '../../shared/domain/index.ts';
import type { ClientEvaluation, Evaluation } from '../portfolio/evaluate.ts';
import type { Store } from '../store/store.ts';

type Input = z.output<typeof CoverageListInput>;
type Covered = ClientEvaluation & { coverage: NonNullable<ClientEvaluation['coverage']>; segment: NonNullable<ClientEvaluation['segment']> };
type Counts = Record<CoverageStatus, number>;
const none = (): Counts => ({ overdue: 0, due_soon: 0, within: 0 });

/** Most overdue first; among equals the larger client (size band, then exposure), then by name. */
function compare(a: Covered, b: Covered): number {
  return b.coverage.daysOverdue - a.coverage.daysOverdue
    || SIZE_BANDS.indexOf(a.client.sizeBand) - SIZE_BANDS.indexOf(b.client.sizeBand)
    || b.facts.exposureMinor - a.facts.exposureMinor
    || (a.client.legalName < b.client.legalName ? -1 : a.client.legalName > b.client.legalName ? 1 : 0);
}

/** Served clients by coverage on the evaluation's day, filtered, counted per status and per RM, one page of rows. */
export function coverageList(store: Store, evaluation: Evaluation, input: Input): CoverageListOutput {
  const owners = input.ownerLogins?.length ? new Set(input.ownerLogins) : null;
  const teams = input.teamCodes?.length ? new Set(input.teamCodes) : null;
  const segments = input.segmentIds?.length ? new Set(input.segmentIds) : null;
  const clients = input.clientIds ? new Set(input.clientIds) : null;
  const listed = new Set(input.statuses);
  const counts = none();
  const byOwner = new Map<string, Counts>();
  const rows: Array<{ row: Covered; status: CoverageStatus }> = [];
  for (const row of evaluation.rows) {
    if (!row.coverage || !row.segment) continue;
    const { client } = row;
    if ((teams && !teams.has(client.teamCode)) || (segments && !segments.has(row.segment.id)) || (clients && !clients.has(client.id))) continue;
    const status = coverageStatus(row.coverage.daysOverdue, input.dueWithinDays);
    const ownerCounts = byOwner.get(client.ownerLogin) ?? none();
    ownerCounts[status] += 1;
    byOwner.set(client.ownerLogin, ownerCounts);
    if (owners && !owners.has(client.ownerLogin)) continue;
    counts[status] += 1;
    if (listed.has(status)) rows.push({ row: row as Covered, status });
  }
  rows.sort((a, b) => compare(a.row, b.row));
  const page = rows.slice(input.offset, input.offset + input.limit).map(({ row, status }) => {
    const last = row.coverage.lastContact;
    return { row, status, seq: last ? row.client.contacts.find((c) => c.occurredAt === last.occurredAt && c.type === last.type)?.seq ?? null : null };
  });
  const by = contactPeople(store, page.flatMap(({ seq }) => (seq === null ? [] : [seq])));
  const items: CoverageRow[] = page.map(({ row, status, seq }) => {
    const { client, segment, coverage } = row;
    const last = coverage.lastContact;
    return {
      clientId: client.id, legalName: client.legalName, englishName: client.englishName, ownerLogin: client.ownerLogin, teamCode: client.teamCode,
      sizeBand: client.sizeBand, clientStatus: client.status, segmentId: segment.id, segmentName: segment.name, segmentNameEn: segment.nameEn,
      tier: segment.policy.tier, cadenceDays: segment.policy.contactCadenceDays, contactTypes: segment.policy.contactTypes,
      lastContact: last && { occurredAt: last.occurredAt, type: last.type, by: (seq !== null && by.get(seq)) || [] },
      dueOn: coverage.dueOn, daysOverdue: coverage.daysOverdue, status,
    };
  });
  return {
    asOf: evaluation.today, counts, total: rows.length,
    byOwner: [...byOwner].map(([ownerLogin, c]) => ({ ownerLogin, ...c })).sort((a, b) => b.overdue - a.overdue || a.ownerLogin.localeCompare(b.ownerLogin)),
    items,
  };
}

/** Which of our RMs took part in each of these interactions (by store sequence number). */
function contactPeople(store: Store, seqs: number[]): Map<number, string[]> {
  if (seqs.length === 0) return new Map();
  const rows = store.prepare(`SELECT seq, attendeeLogins FROM interactions WHERE seq IN (SELECT value FROM json_each(?))`).all(JSON.stringify(seqs)) as Array<{ seq: number; attendeeLogins: string }>;
  return new Map(rows.map((r) => [r.seq, JSON.parse(r.attendeeLogins) as string[]]));
}
