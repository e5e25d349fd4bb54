import type { z } from 'zod';
import type { Matrix, MatrixAxis, MatrixInput } from '../../shared/api/segmentsContract.ts';
import { CLIENT_STATUSES, CREDIT_RATINGS, INDUSTRIES, REGIONS, SIZE_BANDS } from '../../shared/domain/index.ts';
import type { ClientEvaluation, Evaluation } from '../portfolio/evaluate.ts';
import { conversionOf } from './overview.ts';

/** A client's value on an axis: the same value the client list filters on, so a cell opens exactly its clients. */
function valueOn(axis: MatrixAxis, row: ClientEvaluation): string | null {
  switch (axis) {
    case 'segment': return row.segment?.id ?? null;
    case 'ownerLogin': return row.client.ownerLogin;
    default: return row.client[axis];
  }
}

/** An axis's values in their natural order (scales best or largest first), those without clients left out for open lists. */
function axisValues(axis: MatrixAxis, evaluation: Evaluation, seen: Set<string | null>): Array<string | null> {
  switch (axis) {
    case 'sizeBand': return [...SIZE_BANDS];
    case 'rating': return [...CREDIT_RATINGS];
    case 'status': return [...CLIENT_STATUSES];
    case 'industry': return INDUSTRIES.filter((v) => seen.has(v));
    case 'region': return REGIONS.filter((v) => seen.has(v));
    case 'segment': return [...evaluation.segments.map((s) => s.id), ...(seen.has(null) ? [null] : [])];
    case 'ownerLogin': return [...seen].filter((v): v is string => v !== null).sort();
  }
}

/** Clients counted on two axes (size band × rating by default), with exposure and CSAT sums per cell. */
export function segmentMatrix(evaluation: Evaluation, input: z.output<typeof MatrixInput>): Matrix {
  type Cell = Omit<Matrix['cells'][number], 'exposureMinor'> & { exposureMinor: bigint };
  // Cells by row value, then column value (in the order first seen).
  const grid = new Map<string | null, Map<string | null, Cell>>();
  const cells: Cell[] = [];
  const seenColumns = new Set<string | null>();
  for (const row of evaluation.rows) {
    const r = valueOn(input.rows, row);
    const c = valueOn(input.columns, row);
    seenColumns.add(c);
    let line = grid.get(r);
    if (!line) grid.set(r, (line = new Map()));
    let cell = line.get(c);
    if (!cell) {
      line.set(c, (cell = { row: r, column: c, clients: 0, exposureMinor: 0n, csatSum: 0, csatCount: 0 }));
      cells.push(cell);
    }
    cell.clients += 1;
    cell.exposureMinor += BigInt(row.facts.exposureMinor);
    if (row.facts.latestCsat !== null) {
      cell.csatSum += row.facts.latestCsat;
      cell.csatCount += 1;
    }
  }
  return {
    asOf: evaluation.today, ...conversionOf(evaluation),
    rows: axisValues(input.rows, evaluation, new Set(grid.keys())), columns: axisValues(input.columns, evaluation, seenColumns),
    cells: cells.map((cell) => ({ ...cell, exposureMinor: Number(cell.exposureMinor) })),
  };
}
