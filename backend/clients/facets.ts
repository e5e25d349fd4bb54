import type { z } from 'zod';
import type { ClientListInput } from '../../shared/api/contract.ts';
import type { Store } from '../store/store.ts';

type Filter = z.output<typeof ClientListInput>['filter'];
const FACETS = ['status', 'rating', 'industry', 'region', 'sizeBand', 'ownerLogin', 'segmentId'] as const;
type Facet = (typeof FACETS)[number];

/**
 * The filterable columns of every live client, dictionary-encoded in memory, so that the list's
 * total for any combination of filters is a scan of small arrays (well under a millisecond at
 * 100,000 clients) rather than a count over the table. Rebuilt lazily after a write that can
 * change a client's facets.
 */
export class ClientFacets {
  private columns: Record<Facet, Uint16Array> | null = null;
  private dictionaries = new Map<Facet, Map<string | null, number>>();
  private size = 0;

  constructor(private readonly store: Store) {}

  invalidate(): void {
    this.columns = null;
  }

  private load(): Record<Facet, Uint16Array> {
    const rows = this.store.prepare(`SELECT ${FACETS.join(', ')} FROM clients WHERE deletedAt IS NULL`).raw().all() as Array<Array<string | null>>;
    this.size = rows.length;
    this.dictionaries = new Map(FACETS.map((f) => [f, new Map<string | null, number>()]));
    const columns = Object.fromEntries(FACETS.map((f) => [f, new Uint16Array(rows.length)])) as Record<Facet, Uint16Array>;
    FACETS.forEach((facet, c) => {
      const dictionary = this.dictionaries.get(facet)!;
      const column = columns[facet];
      for (let r = 0; r < rows.length; r++) {
        const value = rows[r]![c] ?? null;
        let code = dictionary.get(value);
        if (code === undefined) dictionary.set(value, (code = dictionary.size));
        column[r] = code;
      }
    });
    return (this.columns = columns);
  }

  /** Number of live clients matching the filter (values within a facet OR, facets AND). */
  count(filter: Filter): number {
    const columns = this.columns ?? this.load();
    const tests: Array<{ column: Uint16Array; allowed: Uint8Array }> = [];
    for (const facet of FACETS) {
      const values = filter[facet] as ReadonlyArray<string | null> | undefined;
      if (!values?.length) continue;
      const dictionary = this.dictionaries.get(facet)!;
      const allowed = new Uint8Array(dictionary.size + 1);
      for (const value of values) {
        const code = dictionary.get(value);
        if (code !== undefined) allowed[code] = 1;
      }
      tests.push({ column: columns[facet], allowed });
    }
    if (tests.length === 0) return this.size;
    let total = 0;
    outer: for (let r = 0; r < this.size; r++) {
      for (const { column, allowed } of tests) if (!allowed[column[r]!]) continue outer;
      total++;
    }
    return total;
  }
}
