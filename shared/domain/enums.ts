import { z } from 'zod';

/** Internal credit rating scale, best first (product.md). */
export const CREDIT_RATINGS = ['AAA', 'AA+', 'AA', 'AA-', 'A+', 'A', 'A-', 'BBB+', 'BBB', 'BBB-', 'BB', 'B', 'CCC', 'CC', 'C'] as const;
export const CreditRating = z.enum(CREDIT_RATINGS, { message: 'must be one of the internal rating grades' });
export type CreditRating = z.infer<typeof CreditRating>;

/** Notches between two ratings; positive when `to` is worse than `from`. */
export function ratingNotchesDown(from: CreditRating, to: CreditRating): number {
  return CREDIT_RATINGS.indexOf(to) - CREDIT_RATINGS.indexOf(from);
}

export const CLIENT_STATUSES = ['prospect', 'active', 'dormant', 'lost'] as const;
export const ClientStatus = z.enum(CLIENT_STATUSES, { message: 'must be prospect, active, dormant or lost' });
export type ClientStatus = z.infer<typeof ClientStatus>;

export const SIZE_BANDS = ['large', 'medium', 'small', 'micro'] as const;
export const SizeBand = z.enum(SIZE_BANDS, { message: 'must be large, medium, small or micro' });
export type SizeBand = z.infer<typeof SizeBand>;

export const INDUSTRIES = [
  'power', 'renewables', 'transport', 'water', 'social_infrastructure', 'oil_gas', 'telecom',
  'manufacturing', 'real_estate', 'mining', 'other',
] as const;
export const Industry = z.enum(INDUSTRIES, { message: 'must be one of the listed industries' });
export type Industry = z.infer<typeof Industry>;

/** Mainland provinces and regions by their ISO 3166-2:CN suffix, plus HK, MO and overseas. */
export const REGIONS = [
  'BJ', 'TJ', 'HE', 'SX', 'NM', 'LN', 'JL', 'HL', 'SH', 'JS', 'ZJ', 'AH', 'FJ', 'JX', 'SD', 'HA', 'HB', 'HN',
  'GD', 'GX', 'HI', 'CQ', 'SC', 'GZ', 'YN', 'XZ', 'SN', 'GS', 'QH', 'NX', 'XJ', 'HK', 'MO', 'OVERSEAS',
] as const;
export const Region = z.enum(REGIONS, { message: 'must be one of the listed regions' });
export type Region = z.infer<typeof Region>;

export const PROJECT_SECTORS = [
  'power', 'renewables', 'transport', 'water', 'social_infrastructure', 'oil_gas', 'telecom', 'other',
] as const;
export const ProjectSector = z.enum(PROJECT_SECTORS, { message: 'must be one of the project sectors' });
export type ProjectSector = z.infer<typeof ProjectSector>;

/** The project-finance pipeline in order, then the two ways a deal ends early (product.md). */
export const PIPELINE_STAGES = [
  'origination', 'mandate', 'due_diligence', 'credit_approval', 'documentation', 'financial_close',
  'drawdown_construction', 'operation_repayment', 'closed',
] as const;
export const PROJECT_STAGES = [...PIPELINE_STAGES, 'declined', 'lost'] as const;
export const ProjectStage = z.enum(PROJECT_STAGES, { message: 'must be one of the project stages' });
export type ProjectStage = z.infer<typeof ProjectStage>;

/** Stages at or after financial close count as "reached financial close" for repeat rate and volume. */
export function hasReachedFinancialClose(stage: ProjectStage): boolean {
  const index = (PIPELINE_STAGES as readonly string[]).indexOf(stage);
  return index >= PIPELINE_STAGES.indexOf('financial_close');
}

export const INTERACTION_TYPES = ['meeting', 'call', 'visit', 'email'] as const;
export const InteractionType = z.enum(INTERACTION_TYPES, { message: 'must be meeting, call, visit or email' });
export type InteractionType = z.infer<typeof InteractionType>;

export const FEEDBACK_CHANNELS = ['meeting', 'survey', 'call'] as const;
export const FeedbackChannel = z.enum(FEEDBACK_CHANNELS, { message: 'must be meeting, survey or call' });
export type FeedbackChannel = z.infer<typeof FeedbackChannel>;

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const TaskStatus = z.enum(TASK_STATUSES, { message: 'must be open, in_progress, done or cancelled' });
export type TaskStatus = z.infer<typeof TaskStatus>;

export const PDCA_PHASES = ['plan', 'do', 'check', 'act'] as const;
export const PdcaPhase = z.enum(PDCA_PHASES, { message: 'must be plan, do, check or act' });
export type PdcaPhase = z.infer<typeof PdcaPhase>;

export const KPIS = [
  'acquisition_rate', 'retention_rate', 'csat', 'nps', 'financing_volume', 'new_clients', 'repeat_rate', 'referral_rate',
  'coverage_compliance',
] as const;
export const Kpi = z.enum(KPIS, { message: 'must be one of the KPIs' });
export type Kpi = z.infer<typeof Kpi>;

export const SERVICE_TIERS = ['platinum', 'gold', 'silver', 'standard'] as const;
export const ServiceTier = z.enum(SERVICE_TIERS, { message: 'must be platinum, gold, silver or standard' });
export type ServiceTier = z.infer<typeof ServiceTier>;
