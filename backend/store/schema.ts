import type { Generated } from 'kysely';

/** Row shapes as stored: JSON fields are TEXT, booleans are 0/1. Domain shapes live in shared/domain. */
interface Meta {
  seq: Generated<number>;
  id: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface ClientRow extends Meta {
  legalName: string; englishName: string; creditCode: string; industry: string; region: string; sizeBand: string;
  annualRevenueMinor: number | null; totalAssetsMinor: number | null; financialsCurrency: string; rating: string;
  lastReviewRating: string | null; status: string; ownerLogin: string; teamCode: string; relationshipStart: string | null;
  referredById: string | null; tags: string; notes: string; segmentId: string | null; lastContactAt: string | null;
  mergedIntoId: string | null; nameSortKey: string | null;
}
export interface ContactRow extends Meta {
  clientId: string; name: string; title: string; department: string; phone: string; email: string; wechatId: string;
  isDecisionMaker: number;
}
export interface ProjectRow extends Meta {
  clientId: string; name: string; sector: string; currency: string; totalCostMinor: number; debtAmountMinor: number;
  ourCommitmentMinor: number; tenorMonths: number; marginBps: number; stage: string; stageDates: string;
  expectedCloseDate: string | null; dscrMin: number | null; dscrAvg: number | null; covenantMinDscr: number | null;
  sponsor: string; spvName: string; syndicateMembers: string;
}
export interface InteractionRow extends Meta {
  clientId: string; projectId: string | null; type: string; occurredAt: string; attendeeContactIds: string;
  attendeeLogins: string; notes: string; outcomes: string; nextSteps: string;
}
export interface FeedbackRow extends Meta {
  clientId: string; interactionId: string | null; csat: number | null; nps: number | null; comment: string;
  channel: string; givenOn: string; capturedBy: string; supersedesId: string | null;
}
export interface TaskRow extends Meta {
  title: string; details: string; dueDate: string | null; assigneeLogin: string; status: string;
  clientId: string | null; projectId: string | null; interactionId: string | null;
}
export interface SegmentRow extends Meta {
  name: string; nameEn: string; description: string; priority: number; rule: string; policy: string;
}
export interface TargetRow extends Meta {
  kpi: string; scope: string; period: string; value: number; currency: string | null; note: string;
}
export interface ImprovementActionRow extends Meta {
  title: string; kpi: string | null; feedbackId: string | null; clientId: string | null; ownerLogin: string;
  phase: string; dueDate: string | null; outcome: string; kpiScope: string | null; periodFrom: string | null; periodTo: string | null;
  riskRule: string | null; riskSubjectId: string | null; checkDate: string | null; targetValue: number | null; baseline: number | null;
  valueCurrency: string | null;
}
export interface StatusChangeRow extends Meta {
  clientId: string; fromStatus: string | null; toStatus: string; effectiveOn: string; recordedBy: string;
}
export interface RatingChangeRow extends Meta {
  clientId: string; fromRating: string | null; toRating: string; effectiveOn: string; recordedBy: string;
}
export interface ExchangeRateRow extends Meta {
  currency: string; quoteCurrency: string; rate: number; asOf: string;
}
export interface BankSettingRow extends Meta {
  key: string; value: string;
}
/** A change of a client's stored segment (device-local, migration 0009). */
export interface SegmentChangeRow {
  seq: Generated<number>; clientId: string; fromSegmentId: string | null; toSegmentId: string | null; at: string; cause: string;
}
export interface AuditRow {
  seq: Generated<number>; at: string; actor: string; action: string; entityType: string; entityId: string | null; detail: string;
}

/** Tables of the registry's entities. */
interface EntityTables {
  clients: ClientRow;
  contacts: ContactRow;
  projects: ProjectRow;
  interactions: InteractionRow;
  feedback: FeedbackRow;
  tasks: TaskRow;
  segments: SegmentRow;
  targets: TargetRow;
  improvement_actions: ImprovementActionRow;
  status_changes: StatusChangeRow;
  rating_changes: RatingChangeRow;
  exchange_rates: ExchangeRateRow;
  bank_settings: BankSettingRow;
}

/** Live views (backend/store/liveViews.ts): records neither deleted nor hanging off a deleted client. */
type LiveViews = { [K in keyof EntityTables as `live_${K}`]: EntityTables[K] };

export type Database = EntityTables & LiveViews & { audit_log: AuditRow; segment_changes: SegmentChangeRow };
export type TableName = keyof EntityTables;
