import type { z } from 'zod';
import type { ActionListInput, ActionRow } from '../../shared/api/kpiContract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import {
  PDCA_PHASES, actionLinkKind, type Feedback, type ImprovementAction, type ImprovementActionFields,
} from '../../shared/domain/index.ts';
import { ENTITIES } from '../../shared/entities/registry.ts';
import { kindOfPeriod, periodEndingOn } from '../../shared/kpi/period.ts';
import type { KpiService } from '../kpi/service.ts';
import { sameScope } from '../kpi/scope.ts';
import { decodeRow, type Row } from '../records/codec.ts';
import { getRecord } from '../records/crud.ts';
import type { Store } from '../store/store.ts';

/** What an action's baseline and its later measurement read: the KPIs and the risk alerts. */
export interface ActionDeps {
  store: Store;
  kpis: KpiService;
  today(): string;
}

type Measure = { value: number | null; valueCurrency: string | null };

/** The score a feedback-linked action follows: the one it names, else CSAT when the entry has one. */
const scoreOf = (action: Pick<ImprovementActionFields, 'kpi'>, entry: Pick<Feedback, 'csat'>): 'csat' | 'nps' =>
  action.kpi === 'csat' || action.kpi === 'nps' ? action.kpi : entry.csat !== null ? 'csat' : 'nps';

/**
 * The value an action starts from, measured when it is created: its KPI over the gap's period (volume in the
 * reporting currency, which the action keeps), the alert's value, or the score of the feedback entry.
 */
export function baselineOf(deps: ActionDeps, fields: ImprovementActionFields, today: string): Measure {
  switch (actionLinkKind(fields)) {
    case 'kpi': {
      if (!fields.kpi || !fields.kpiScope || !fields.periodFrom || !fields.periodTo) return { value: null, valueCurrency: null };
      const measured = deps.kpis.measure(fields.kpi, fields.kpiScope, { from: fields.periodFrom, to: fields.periodTo }, today);
      return { value: measured.value, valueCurrency: fields.kpi === 'financing_volume' ? measured.reportingCurrency : null };
    }
    case 'risk':
      return { value: fields.clientId && fields.riskRule ? deps.kpis.alertValue(fields.clientId, fields.riskRule, fields.riskSubjectId, today) : null, valueCurrency: null };
    case 'feedback': {
      const entry = getRecord<Feedback>(deps.store, ENTITIES.feedback, fields.feedbackId ?? '');
      return { value: entry[scoreOf(fields, entry)], valueCurrency: null };
    }
    case 'none':
      return { value: null, valueCurrency: null };
  }
}

/** A feedback-linked action belongs to the entry's client and follows the score it names (or the entry's CSAT). */
export function completeFeedbackLink(store: Store, fields: ImprovementActionFields): ImprovementActionFields {
  if (!fields.feedbackId) return fields;
  const entry = store.prepare(`SELECT clientId, csat FROM live_feedback WHERE id = ?`).get(fields.feedbackId) as Pick<Feedback, 'clientId' | 'csat'> | undefined;
  if (!entry) throw ApiError.field('feedbackId', 'refers to a feedback entry that does not exist');
  if (fields.clientId !== null && fields.clientId !== entry.clientId) throw ApiError.field('clientId', 'must be the client of the feedback entry');
  return { ...fields, clientId: entry.clientId, kpi: fields.kpi ?? scoreOf(fields, entry) };
}

/**
 * The check (PDCA 'check' as data): on its check date, the same measure as the baseline again: the KPI over the
 * window of the gap's length that ends on the check date, the client's latest score by then, or the alert's value.
 * Null before the check date.
 */
export function measureAgain(deps: ActionDeps, action: ImprovementAction, today: string): ActionRow['measured'] {
  if (!action.checkDate || action.checkDate > today) return null;
  const day = action.checkDate;
  switch (actionLinkKind(action)) {
    case 'kpi': {
      if (!action.kpi || !action.kpiScope || !action.periodFrom || !action.periodTo) return { measuredOn: day, window: null, value: null };
      const gap = { from: action.periodFrom, to: action.periodTo };
      const window = periodEndingOn(kindOfPeriod(gap), gap, day);
      return { measuredOn: day, window, value: deps.kpis.measure(action.kpi, action.kpiScope, window, today).value };
    }
    case 'feedback': {
      const score = action.kpi === 'nps' ? 'nps' : 'csat';
      return { measuredOn: day, window: null, value: action.clientId ? deps.kpis.latestScore(action.clientId, score, day, today) : null };
    }
    case 'risk':
      // A risk rule reads the client as it is now, so the check is made on the day it is looked at, once the check date has come.
      return { measuredOn: today, window: null, value: action.clientId && action.riskRule ? deps.kpis.alertValue(action.clientId, action.riskRule, action.riskSubjectId, today) : null };
    case 'none':
      return { measuredOn: day, window: null, value: null };
  }
}

/** Improvement actions, phase by phase and by due date, with their client's name and what their check showed. */
export function listActions(deps: ActionDeps, input: z.output<typeof ActionListInput>): ActionRow[] {
  const today = input.today ?? deps.today();
  const rows = deps.store.prepare(`SELECT a.*, c.legalName AS clientName FROM live_improvement_actions a LEFT JOIN live_clients c ON c.id = a.clientId
    WHERE (@kpi IS NULL OR a.kpi = @kpi) AND (@feedbackId IS NULL OR a.feedbackId = @feedbackId) AND (@clientId IS NULL OR a.clientId = @clientId)
      AND (@riskRule IS NULL OR a.riskRule = @riskRule) AND (@ownerLogin IS NULL OR a.ownerLogin = @ownerLogin)`)
    .all({
      kpi: input.kpi ?? null, feedbackId: input.feedbackId ?? null, clientId: input.clientId ?? null, riskRule: input.riskRule ?? null,
      ownerLogin: input.ownerLogin ?? null,
    }) as Array<Row & { clientName: string | null }>;
  return rows
    .map(({ clientName, ...row }) => ({ action: decodeRow<ImprovementAction>(ENTITIES.improvementActions, row), clientName }))
    .filter(({ action }) => (!input.phases || input.phases.includes(action.phase)) && (!input.kpiScope || (action.kpiScope !== null && sameScope(action.kpiScope, input.kpiScope))))
    .sort((a, b) => PDCA_PHASES.indexOf(a.action.phase) - PDCA_PHASES.indexOf(b.action.phase) || (a.action.dueDate ?? '9999').localeCompare(b.action.dueDate ?? '9999') || a.action.createdAt.localeCompare(b.action.createdAt))
    .map((row) => ({ ...row, measured: measureAgain(deps, row.action, today) }));
}
