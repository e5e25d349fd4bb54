import type { AlertAcknowledgement, ClientStatus, CreditRating, Industry, InteractionType, ProjectStage, Region, SizeBand } from '../../shared/domain/index.ts';
import { ENTITIES } from '../../shared/entities/registry.ts';
import { decodeRow, type Row } from '../records/codec.ts';
import { countingFeedback } from '../../shared/kpi/feedback.ts';
import type { Store } from '../store/store.ts';

/** A live project as the segment, coverage and risk rules read it. */
export interface PortfolioProject {
  id: string;
  name: string;
  currency: string;
  commitmentMinor: number;
  stage: ProjectStage;
  /** The day the project entered its current stage, and the day it reached financial close (if it did). */
  stageSince: string | null;
  closedOn: string | null;
  dscrMin: number | null;
  covenantMinDscr: number | null;
  updatedAt: string;
}

/** An interaction as coverage reads it: what kind, when; `seq` finds the record for "by whom". */
export interface PortfolioContact {
  type: InteractionType;
  occurredAt: string;
  seq: number;
}

/** A live client with what the rules read of its records. */
export interface PortfolioClient {
  id: string;
  legalName: string;
  englishName: string;
  sizeBand: SizeBand;
  industry: Industry;
  region: Region;
  rating: CreditRating;
  lastReviewRating: CreditRating | null;
  status: ClientStatus;
  ownerLogin: string;
  teamCode: string;
  relationshipStart: string | null;
  createdAt: string;
  tags: string[];
  /** The segment stored on the client (derived at each write); evaluation may find it stale after a day passes. */
  storedSegmentId: string | null;
  projects: PortfolioProject[];
  contacts: PortfolioContact[];
  /** The feedback entries that count: a correction replaces its entry, along the whole chain (shared/kpi/feedback.ts). */
  feedback: Array<{ csat: number | null; nps: number | null; givenOn: string }>;
  /** The client who referred this one. */
  referredById: string | null;
  /** Status history, oldest first (KPIs read status at a moment from it). */
  statusChanges: Array<{ effectiveOn: string; toStatus: ClientStatus; recordedAt: string }>;
  ratingChanges: Array<{ fromRating: CreditRating | null; toRating: CreditRating; effectiveOn: string }>;
  acknowledgements: AlertAcknowledgement[];
}

/** Client columns the rules read: an update of any other column (derived ones) changes nothing they see. */
export const CLIENT_FACT_COLUMNS = [
  'legalName', 'englishName', 'sizeBand', 'industry', 'region', 'rating', 'lastReviewRating', 'status', 'ownerLogin', 'teamCode',
  'relationshipStart', 'createdAt', 'tags', 'deletedAt', 'referredById',
] as const;

/**
 * Reads the given clients (all live clients when `ids` is null) and what hangs off them, in one grouped query per
 * table: a few hundred milliseconds for 100,000 clients, so it is done once and then per changed client.
 */
export function loadClients(store: Store, ids: readonly string[] | null): Map<string, PortfolioClient> {
  const scope = (column: string) => (ids ? `AND ${column} IN (SELECT value FROM json_each(@ids))` : '');
  const params = ids ? { ids: JSON.stringify(ids) } : {};
  const rows = (sql: string) => store.prepare(sql).raw().all(params) as unknown[][];
  const clients = new Map<string, PortfolioClient>();
  for (const r of rows(`SELECT id, legalName, englishName, sizeBand, industry, region, rating, lastReviewRating, status, ownerLogin, teamCode,
      relationshipStart, createdAt, tags, segmentId, referredById FROM clients WHERE deletedAt IS NULL ${scope('id')}`)) {
    clients.set(r[0] as string, {
      id: r[0] as string, legalName: r[1] as string, englishName: r[2] as string, sizeBand: r[3] as SizeBand, industry: r[4] as Industry,
      region: r[5] as Region, rating: r[6] as CreditRating, lastReviewRating: r[7] as CreditRating | null, status: r[8] as ClientStatus,
      ownerLogin: r[9] as string, teamCode: r[10] as string, relationshipStart: r[11] as string | null, createdAt: r[12] as string,
      tags: r[13] === '[]' ? [] : (JSON.parse(r[13] as string) as string[]), storedSegmentId: r[14] as string | null,
      referredById: r[15] as string | null, projects: [], contacts: [], feedback: [], ratingChanges: [], acknowledgements: [], statusChanges: [],
    });
  }
  for (const r of rows(`SELECT clientId, id, name, currency, ourCommitmentMinor, stage, json_extract(stageDates, '$.' || stage),
      json_extract(stageDates, '$.financial_close'), dscrMin, covenantMinDscr, updatedAt FROM projects WHERE deletedAt IS NULL ${scope('clientId')}`)) {
    clients.get(r[0] as string)?.projects.push({
      id: r[1] as string, name: r[2] as string, currency: r[3] as string, commitmentMinor: r[4] as number, stage: r[5] as ProjectStage,
      stageSince: r[6] as string | null, closedOn: r[7] as string | null, dscrMin: r[8] as number | null, covenantMinDscr: r[9] as number | null,
      updatedAt: r[10] as string,
    });
  }
  // Read from the contact-history index alone (0007): the table itself carries every note.
  for (const r of rows(`SELECT clientId, type, occurredAt, seq FROM interactions WHERE deletedAt IS NULL ${scope('clientId')}`))
    clients.get(r[0] as string)?.contacts.push({ type: r[1] as InteractionType, occurredAt: r[2] as string, seq: r[3] as number });
  // Deleted corrections are read for their links only: a correction of a deleted correction still replaces the original.
  const feedback = rows(`SELECT clientId, id, supersedesId, deletedAt IS NULL, csat, nps, givenOn FROM feedback
      WHERE (deletedAt IS NULL OR supersedesId IS NOT NULL) ${scope('clientId')}`);
  const counting = countingFeedback(feedback.map((r) => ({ id: r[1] as string, supersedesId: r[2] as string | null, live: r[3] === 1 })));
  for (const r of feedback)
    if (counting.has(r[1] as string)) clients.get(r[0] as string)?.feedback.push({ csat: r[4] as number | null, nps: r[5] as number | null, givenOn: r[6] as string });
  for (const r of rows(`SELECT clientId, effectiveOn, toStatus, createdAt FROM status_changes WHERE deletedAt IS NULL ${scope('clientId')}
      ORDER BY clientId, effectiveOn, createdAt, seq`))
    clients.get(r[0] as string)?.statusChanges.push({ effectiveOn: r[1] as string, toStatus: r[2] as ClientStatus, recordedAt: r[3] as string });
  for (const r of rows(`SELECT clientId, fromRating, toRating, effectiveOn FROM rating_changes WHERE deletedAt IS NULL ${scope('clientId')} ORDER BY effectiveOn, seq`))
    clients.get(r[0] as string)?.ratingChanges.push({ fromRating: r[1] as CreditRating | null, toRating: r[2] as CreditRating, effectiveOn: r[3] as string });
  for (const row of store.prepare(`SELECT * FROM alert_acknowledgements WHERE deletedAt IS NULL ${scope('clientId')}`).all(params) as Row[])
    clients.get(row.clientId as string)?.acknowledgements.push(decodeRow<AlertAcknowledgement>(ENTITIES.alertAcknowledgements, row));
  return clients;
}
