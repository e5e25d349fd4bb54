import { z } from 'zod';
import {
  CalendarDate, ClientStatus, CurrencyCode, Id, ImprovementAction, ImprovementActionFields, Kpi, Login, PdcaPhase, Target, TargetFields, TargetScope,
} from '../domain/index.ts';
import { Period, PeriodKind } from '../kpi/period.ts';
import { KpiValues } from '../kpi/values.ts';
import { RiskRule } from '../risk/alert.ts';
import { method } from './method.ts';

/** Whose KPIs: the device's user ("me"), an RM, a team, a segment or the bank (what the signed-in role may see). */
export const KpiScope = z.union([z.object({ kind: z.literal('me') }), TargetScope]);
export type KpiScope = z.infer<typeof KpiScope>;

const Today = CalendarDate.optional().describe("the user's calendar day; default the backend's local day");

export const KpiInput = z.object({
  period: Period,
  scope: KpiScope.default({ kind: 'bank' }),
  /** Report volume in this currency instead of the bank's reporting currency. */
  currency: CurrencyCode.optional(),
  today: Today,
});
export type KpiInput = z.input<typeof KpiInput>;

export const KpiReport = z.object({
  period: Period,
  /** The scope as computed ("me" becomes the user's RM scope). */
  scope: TargetScope,
  reportingCurrency: CurrencyCode,
  /** Clients in the scope. */
  clients: z.number().int(),
  kpis: KpiValues,
});
export type KpiReport = z.infer<typeof KpiReport>;

/** A target as a card compares against it: volume targets also in the reporting currency (null when no rate converts it). */
export const CardTarget = z.object({
  id: Id,
  value: z.number(),
  currency: CurrencyCode.nullable(),
  inReporting: z.number().nullable(),
});

export const KpiCard = z.object({
  kpi: Kpi,
  /** The KPI's one number (rate, NPS points, volume in reporting minor units, count); null when it has none. */
  value: z.number().nullable(),
  target: CardTarget.nullable(),
  /** Value ÷ target, when the target is above 0. */
  progress: z.number().nullable(),
  /** Whether the value reached the target. */
  met: z.boolean().nullable(),
  /** The last 8 periods of the same kind, oldest first, ending with this one. */
  trend: z.array(z.object({ from: CalendarDate, to: CalendarDate, value: z.number().nullable() })),
  /** Improvement actions linked to this KPI in this scope, and those not yet in the act phase. */
  actions: z.object({ total: z.number().int(), open: z.number().int() }),
});
export type KpiCard = z.infer<typeof KpiCard>;

/** `kind`: the period is one calendar month, quarter or year, or custom (its trend steps by its own length). */
export const KpiDashboard = KpiReport.extend({ kind: PeriodKind, cards: z.array(KpiCard) });
export type KpiDashboard = z.infer<typeof KpiDashboard>;

export const DRILL_PARTS = ['numerator', 'denominator', 'detractors'] as const;
export const DrillPart = z.enum(DRILL_PARTS);
export type DrillPart = z.infer<typeof DrillPart>;

export const DrillDownInput = KpiInput.omit({ currency: true }).extend({
  kpi: Kpi,
  part: DrillPart,
  offset: z.number().int().min(0, { message: 'must not be negative' }).default(0),
  limit: z.number().int().min(1, { message: 'must be at least 1' }).max(500, { message: 'must be at most 500' }).default(100),
});
export type DrillDownInput = z.input<typeof DrillDownInput>;

export const DrillDownRow = z.object({
  id: Id,
  legalName: z.string(),
  englishName: z.string(),
  ownerLogin: z.string(),
  status: ClientStatus,
  /** CSAT and NPS: the client's answers in the period; volume: its commitments closing in it. */
  answers: z.number().int().nullable(),
  amounts: z.array(z.object({ currency: z.string(), minor: z.number().int() })).nullable(),
});
export type DrillDownRow = z.infer<typeof DrillDownRow>;

export const DrillDownOutput = z.object({ total: z.number().int(), items: z.array(DrillDownRow) });
export type DrillDownOutput = z.infer<typeof DrillDownOutput>;

/** The scopes this device's user may choose from, with the RMs, teams and segments this device knows. */
export const KpiScopeOptions = z.object({
  me: z.object({ login: Login, teamCode: z.string(), role: z.enum(['rm', 'team_lead', 'admin']) }).nullable(),
  kinds: z.array(z.enum(['me', 'rm', 'team', 'segment', 'bank'])),
  rms: z.array(z.object({ login: z.string(), teamCode: z.string(), clients: z.number().int() })),
  teams: z.array(z.string()),
  segments: z.array(z.object({ id: Id, name: z.string(), nameEn: z.string() })),
});
export type KpiScopeOptions = z.infer<typeof KpiScopeOptions>;

export const ScorecardRow = z.object({
  login: z.string(),
  clients: z.number().int(),
  kpis: KpiValues,
  /** The RM's targets for the period, by KPI. */
  targets: z.partialRecord(Kpi, z.object({ value: z.number(), currency: CurrencyCode.nullable() })),
  /** Risk alerts on the RM's clients today that nobody acknowledged (or that worsened since). */
  openAlerts: z.number().int(),
});
export type ScorecardRow = z.infer<typeof ScorecardRow>;

export const Scorecards = z.object({ period: Period, teamCode: z.string(), reportingCurrency: CurrencyCode, rows: z.array(ScorecardRow) });
export type Scorecards = z.infer<typeof Scorecards>;

export const ActionListInput = z.object({
  phases: z.array(PdcaPhase).optional(),
  kpi: Kpi.optional(),
  kpiScope: TargetScope.optional(),
  feedbackId: Id.optional(),
  clientId: Id.optional(),
  riskRule: RiskRule.optional(),
  ownerLogin: Login.optional(),
  today: Today,
});
export type ActionListInput = z.input<typeof ActionListInput>;

/** What the check date showed: the same measure as the baseline, over the window that ends on the check date. */
export const ActionMeasure = z.object({
  measuredOn: CalendarDate,
  window: Period.nullable(),
  value: z.number().nullable(),
});

export const ActionRow = z.object({
  action: ImprovementAction,
  clientName: z.string().nullable(),
  /** Null until the check date has come. */
  measured: ActionMeasure.nullable(),
});
export type ActionRow = z.infer<typeof ActionRow>;

export const TargetListInput = z.object({ year: z.number().int().min(2000).max(2100).optional(), kpi: Kpi.optional() });

/** KPIs, the dashboard and its drill-downs, RM scorecards, targets and improvement actions (issue 12). */
export const kpiMethods = {
  /** Every KPI of product.md for a period [from, to) and a scope (the shape `crm kpi` prints). */
  'kpi.compute': method(KpiInput, KpiReport),
  /** One card per KPI: value, target, progress, the trend over the last 8 periods of the same kind and linked actions. */
  'kpi.dashboard': method(KpiInput, KpiDashboard),
  /** The clients behind one number of a KPI, in name order. */
  'kpi.drillDown': method(DrillDownInput, DrillDownOutput),
  'kpi.scopes': method(z.object({}).default({}), KpiScopeOptions),
  /** One row per RM of a team (default the user's), with every KPI, coverage, open risk alerts and targets. */
  'kpi.scorecards': method(KpiInput.omit({ scope: true }).extend({ teamCode: z.string().trim().min(1).max(64).optional() }), Scorecards),
  'targets.list': method(TargetListInput.default({}), z.array(Target)),
  /** Sets the target of a KPI, scope and period: changes the one there is, or creates it. */
  'targets.set': method(TargetFields, Target),
  /** Creates an action and records its baseline: the KPI over its gap's period, the alert's value or the feedback score. */
  'improvementActions.create': method(ImprovementActionFields.extend({ id: Id.optional() }), ImprovementAction),
  'improvementActions.list': method(ActionListInput.default({}), z.array(ActionRow)),
} as const;
