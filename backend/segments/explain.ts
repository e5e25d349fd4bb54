import type { PolicyExplanationView } from '../../shared/api/segmentsContract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { explainPolicy } from '../../shared/segments/match.ts';
import type { Evaluation } from '../portfolio/evaluate.ts';

/** Why a client has its policy on the evaluation's day. */
export function explainClientPolicy(evaluation: Evaluation, clientId: string): PolicyExplanationView {
  const row = evaluation.byId.get(clientId);
  if (!row) throw new ApiError('not_found', `There is no client with id ${clientId}.`);
  return { asOf: evaluation.today, ...explainPolicy(evaluation.segments, row.facts), reportingCurrency: evaluation.bank.reportingCurrency };
}
