import type { z } from 'zod';
import type { CoverageListInput, CoverageListOutput, CoverageRow } from '../../shared/api/coverageContract.ts';
import { coverageStatus, type CoverageStatus } from '../../shared/coverage/coverage.ts';
import { SIZE_BANDS } from '../../shared/domain/index.ts';
import type { ClientEvaluation, Evaluation } from '../portfolio/evaluate.ts';
import { sortedView, type ViewSpec } from '../portfolio/views.ts';
import type { Store } from '../store/store.ts';

type Input = z.output<typeof CoverageListInput>;
type Covered = ClientEvaluation & { coverage: NonNullable<ClientEvaluation['coverage']>; segment: NonNullable<ClientEvaluation['segment']> };
type Counts = Record<CoverageStatus, number>;
const none = (): Counts => ({ overdue: 0, due_soon: 0, within: 0 });

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A served client in the coverage list, with what the list filters and sorts on at hand (read for every client per call). */
interface CoveredEntry {
  row: Covered;
  daysOverdue: number;
  ownerLogin: string;
  teamCode: string;
  segmentId: string;
  sizeRank: number;
  exposureMinor: number;
  legalName: string;
  id: string;
}

/** Served clients, most overdue first; among equals the larger client (size band, then exposure), then by name, then id. */
const COVERED: ViewSpec<CoveredEntry> = {
  key: 'coverage',
  entriesOf(row, into) {
    if (!row.coverage || !row.segment) return;
    const { client } = row;
    into.push({
      row: row as Covered, daysOverdue: row.coverage.daysOverdue, ownerLogin: client.ownerLogin, teamCode: client.teamCode, segmentId: row.segment.id,
      sizeRank: SIZE_BANDS.indexOf(client.sizeBand), exposureMinor: row.facts.exposureMinor, legalName: client.legalName, id: client.id,
    });
  },
  compare: (a, b) => b.daysOverdue - a.daysOverdue || a.sizeRank - b.sizeRank || b.exposureMinor - a.exposureMinor
    || text(a.legalName, b.legalName) || text(a.id, b.id),
};

/** Served clients by coverage on the evaluation's day, filtered, counted per status and per RM, one page of rows. */
export function coverageList(store: Store, evaluation: Evaluation, input: Input): CoverageListOutput {
  const owners = input.ownerLogins?.length ? new Set(input.ownerLogins) : null;
  const teams = input.teamCodes?.length ? new Set(input.teamCodes) : null;
  const segments = input.segmentIds?.length ? new Set(input.segmentIds) : null;
  const clients = input.clientIds ? new Set(input.clientIds) : null;
  const listed = new Set(input.statuses);
  const counts = none();
  const byOwner = new Map<string, Counts>();
  const selected: Array<{ row: Covered; status: CoverageStatus }> = [];
  let total = 0;
  for (const entry of sortedView(evaluation, COVERED)) {
    if ((teams && !teams.has(entry.teamCode)) || (segments && !segments.has(entry.segmentId)) || (clients && !clients.has(entry.id))) continue;
    const status = coverageStatus(entry.daysOverdue, input.dueWithinDays);
    let ownerCounts = byOwner.get(entry.ownerLogin);
    if (!ownerCounts) byOwner.set(entry.ownerLogin, (ownerCounts = none()));
    ownerCounts[status] += 1;
    if (owners && !owners.has(entry.ownerLogin)) continue;
    counts[status] += 1;
    if (!listed.has(status)) continue;
    if (total >= input.offset && total < input.offset + input.limit) selected.push({ row: entry.row, status });
    total += 1;
  }
  const page = selected.map(({ row, status }) => {
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
    asOf: evaluation.today, counts, total,
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
