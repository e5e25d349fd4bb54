import { ApiError } from '../../shared/api/errors.ts';
import type { ClientSummary } from '../../shared/api/duplicatesContract.ts';
import { clientNameParts, DuplicateIndex, findDuplicates, type DuplicatePair, type DuplicateReason, type NamedClient } from '../../shared/duplicates/match.ts';
import type { Store } from '../store/store.ts';

const SUMMARY = 'id, legalName, englishName, creditCode, ownerLogin, status, rating, region, industry, createdAt';

/**
 * Likely duplicates among the live clients, found once and kept until a write may change them (the names of
 * 100,000 clients take a moment to take apart). Pairs are listed by how sure they are: the same credit code
 * first, then the same name, then the same trade name; within that, in the order the clients were created.
 */
export class Duplicates {
  private pairs: DuplicatePair[] | null = null;
  private index: DuplicateIndex | null = null;

  constructor(private readonly store: Store) {}

  invalidate(): void {
    this.pairs = null;
    this.index = null;
  }

  private clients(): NamedClient[] {
    return this.store.prepare('SELECT id, legalName, englishName, creditCode FROM live_clients ORDER BY seq').all() as NamedClient[];
  }

  list(offset: number, limit: number): { total: number; pairs: Array<{ a: ClientSummary; b: ClientSummary; reasons: DuplicateReason[] }> } {
    this.pairs ??= findDuplicates(this.clients()).sort((x, y) => rank(x.reasons) - rank(y.reasons));
    const page = this.pairs.slice(offset, offset + limit);
    const summaries = this.summaries(page.flatMap((p) => [p.a, p.b]));
    return {
      total: this.pairs.length,
      pairs: page.map((p) => ({ a: summaries.get(p.a)!, b: summaries.get(p.b)!, reasons: p.reasons })),
    };
  }

  forClient(id: string): Array<{ client: ClientSummary; reasons: DuplicateReason[] }> {
    const client = this.store.prepare('SELECT id, legalName, englishName, creditCode FROM live_clients WHERE id = ?').get(id) as NamedClient | undefined;
    if (!client) throw new ApiError('not_found', `No client with id ${id}.`);
    if (!this.index) {
      this.index = new DuplicateIndex();
      for (const other of this.clients()) this.index.add(clientNameParts(other));
    }
    const matches = this.index.matches(clientNameParts(client));
    const summaries = this.summaries(matches.map((m) => m.id));
    return matches.filter((m) => summaries.has(m.id)).map((m) => ({ client: summaries.get(m.id)!, reasons: m.reasons }));
  }

  private summaries(ids: string[]): Map<string, ClientSummary> {
    const rows = this.store.prepare(`SELECT ${SUMMARY} FROM live_clients WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ClientSummary[];
    return new Map(rows.map((row) => [row.id, row]));
  }
}

/** How sure a pair is: lower is surer. */
function rank(reasons: readonly DuplicateReason[]): number {
  if (reasons.some((r) => r.kind === 'creditCode')) return 0;
  if (reasons.some((r) => r.kind === 'sameName')) return 1;
  return 2;
}
