import { ApiError } from '../../shared/api/errors.ts';
import type { ClientStatus, CreditRating, Industry, Region } from '../../shared/domain/index.ts';
import { completeness, type Completeness, type CompletenessFacts, type CompletenessKey } from '../../shared/quality/completeness.ts';
import type { Store } from '../store/store.ts';

/** One SQL pass over the live clients with what completeness looks at (the decision maker and feedback by index). */
const FACTS = `
  SELECT c.id, c.legalName, c.ownerLogin, c.status, c.rating, c.industry, c.region, c.creditCode, c.englishName, c.relationshipStart,
    c.annualRevenueMinor, c.totalAssetsMinor, c.lastContactAt,
    EXISTS (SELECT 1 FROM contacts p WHERE p.clientId = c.id AND p.deletedAt IS NULL AND p.isDecisionMaker = 1 AND (p.phone <> '' OR p.email <> '')) AS reachableDecisionMaker,
    (SELECT max(f.givenOn) FROM feedback f WHERE f.clientId = c.id AND f.deletedAt IS NULL) AS lastFeedbackOn
  FROM live_clients c`;

interface FactRow extends Omit<CompletenessFacts, 'reachableDecisionMaker' | 'rating' | 'industry' | 'region'> {
  id: string;
  legalName: string;
  ownerLogin: string;
  status: ClientStatus;
  rating: CreditRating;
  industry: Industry;
  region: Region;
  reachableDecisionMaker: number;
}

interface Scored {
  id: string;
  legalName: string;
  ownerLogin: string;
  status: ClientStatus;
  rating: CreditRating;
  industry: Industry;
  region: Region;
  score: number;
  missing: CompletenessKey[];
}

const toFacts = (row: FactRow): CompletenessFacts => ({ ...row, reachableDecisionMaker: row.reachableDecisionMaker === 1 });

/**
 * Data quality: each client's completeness (shared/quality/completeness.ts), and per relationship manager how
 * complete their clients are, worst first. Scores of every client are kept until a write may change them.
 */
export class DataQuality {
  private scored: { today: string; clients: Scored[] } | null = null;

  constructor(private readonly store: Store) {}

  invalidate(): void {
    this.scored = null;
  }

  client(id: string, today: string): Completeness {
    const row = this.store.prepare(`${FACTS} WHERE c.id = ?`).get(id) as FactRow | undefined;
    if (!row) throw new ApiError('not_found', `No client with id ${id}.`);
    return completeness(toFacts(row), today);
  }

  overview(ownerLogin: string | null, offset: number, limit: number, today: string) {
    if (this.scored?.today !== today) {
      const clients = (this.store.prepare(FACTS).all() as FactRow[]).map((row): Scored => {
        const { score, missing } = completeness(toFacts(row), today);
        return { id: row.id, legalName: row.legalName, ownerLogin: row.ownerLogin, status: row.status, rating: row.rating, industry: row.industry, region: row.region, score, missing };
      });
      // Worst first; among equals, the most missing items first, then by name.
      clients.sort((a, b) => a.score - b.score || b.missing.length - a.missing.length || (a.legalName < b.legalName ? -1 : 1));
      this.scored = { today, clients };
    }
    const byOwner = new Map<string, { clients: number; total: number; incomplete: number }>();
    for (const client of this.scored.clients) {
      const owner = byOwner.get(client.ownerLogin) ?? { clients: 0, total: 0, incomplete: 0 };
      owner.clients++;
      owner.total += client.score;
      if (client.score < 100) owner.incomplete++;
      byOwner.set(client.ownerLogin, owner);
    }
    const owners = [...byOwner]
      .map(([login, o]) => ({ ownerLogin: login, clients: o.clients, averageScore: Math.round(o.total / o.clients), incomplete: o.incomplete }))
      .sort((a, b) => a.averageScore - b.averageScore || (a.ownerLogin < b.ownerLogin ? -1 : 1));
    const clients = ownerLogin === null ? this.scored.clients : this.scored.clients.filter((c) => c.ownerLogin === ownerLogin);
    return { owners, total: clients.length, clients: clients.slice(offset, offset + limit) };
  }
}
