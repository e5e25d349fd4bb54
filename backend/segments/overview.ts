import type { SegmentOverview, SegmentSummary } from '../../shared/api/segmentsContract.ts';
import type { Evaluation } from '../portfolio/evaluate.ts';

/** Conversion facts of an evaluation: the reporting currency, the rates its sums used and the currencies without one. */
export function conversionOf(evaluation: Evaluation) {
  return { reportingCurrency: evaluation.bank.reportingCurrency, ...evaluation.sum.applied };
}

/** Every segment with its clients, exposure (reporting currency), average latest CSAT and coverage. */
export function segmentOverview(evaluation: Evaluation): SegmentOverview {
  const totals = new Map(evaluation.segments.map((s) => [s.id, { clients: 0, exposureMinor: 0n, csatSum: 0, csatCount: 0, served: 0, covered: 0 }]));
  let unsegmented = 0;
  for (const row of evaluation.rows) {
    const total = row.segment && totals.get(row.segment.id);
    if (!total) {
      unsegmented += 1;
      continue;
    }
    total.clients += 1;
    total.exposureMinor += BigInt(row.facts.exposureMinor);
    if (row.facts.latestCsat !== null) {
      total.csatSum += row.facts.latestCsat;
      total.csatCount += 1;
    }
    if (row.coverage) {
      total.served += 1;
      if (row.coverage.daysOverdue <= 0) total.covered += 1;
    }
  }
  const segments: SegmentSummary[] = evaluation.segments.map((segment) => {
    const t = totals.get(segment.id)!;
    return {
      ...segment, clients: t.clients, exposureMinor: Number(t.exposureMinor),
      averageCsat: t.csatCount ? t.csatSum / t.csatCount : null, coverage: t.served ? t.covered / t.served : null,
    };
  });
  return { asOf: evaluation.today, ...conversionOf(evaluation), segments, unsegmented };
}
