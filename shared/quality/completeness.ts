import { isValidUscc } from '../domain/uscc.ts';

/**
 * What a complete client record has (确保客户数据的准确性和完整性), each item with its weight in the score and
 * where the relationship manager fixes it. The score is the share of weights met, 0–100.
 */
export const COMPLETENESS_ITEMS = [
  { key: 'creditCode', weight: 10, fix: 'profile' },
  { key: 'rating', weight: 10, fix: 'profile' },
  { key: 'industry', weight: 10, fix: 'profile' },
  { key: 'region', weight: 10, fix: 'profile' },
  { key: 'englishName', weight: 5, fix: 'profile' },
  { key: 'relationshipStart', weight: 5, fix: 'profile' },
  { key: 'financials', weight: 10, fix: 'profile' },
  { key: 'decisionMaker', weight: 20, fix: 'contacts' },
  { key: 'recentInteraction', weight: 15, fix: 'interactions' },
  { key: 'recentFeedback', weight: 5, fix: 'feedback' },
] as const;

export type CompletenessKey = (typeof COMPLETENESS_ITEMS)[number]['key'];
/** Where a missing item is put right: the client's own fields, or one of the profile's tabs. */
export type CompletenessFix = (typeof COMPLETENESS_ITEMS)[number]['fix'];

/** The facts about a client that completeness looks at. */
export interface CompletenessFacts {
  creditCode: string;
  rating: string | null;
  industry: string | null;
  region: string | null;
  englishName: string;
  relationshipStart: string | null;
  annualRevenueMinor: number | null;
  totalAssetsMinor: number | null;
  /** A contact marked decision maker who can be reached: a phone number or an e-mail address. */
  reachableDecisionMaker: boolean;
  /** The latest interaction (ISO instant), or null. */
  lastContactAt: string | null;
  /** The latest feedback's day (YYYY-MM-DD), or null. */
  lastFeedbackOn: string | null;
}

export interface Completeness {
  score: number;
  items: Array<{ key: CompletenessKey; ok: boolean; weight: number; fix: CompletenessFix }>;
  missing: CompletenessKey[];
}

const DAY_MS = 86_400_000;

/** The completeness of a client on `today` (YYYY-MM-DD): "recent" means within the year before it. */
export function completeness(facts: CompletenessFacts, today: string): Completeness {
  const yearAgo = new Date(Date.parse(`${today}T00:00:00.000Z`) - 365 * DAY_MS).toISOString();
  const met: Record<CompletenessKey, boolean> = {
    creditCode: isValidUscc(facts.creditCode),
    rating: Boolean(facts.rating),
    // "Other" says the industry is not known; segments and risk views need the real one.
    industry: Boolean(facts.industry) && facts.industry !== 'other',
    region: Boolean(facts.region),
    englishName: facts.englishName.trim().length > 0,
    relationshipStart: facts.relationshipStart !== null,
    financials: facts.annualRevenueMinor !== null && facts.totalAssetsMinor !== null,
    decisionMaker: facts.reachableDecisionMaker,
    recentInteraction: facts.lastContactAt !== null && facts.lastContactAt >= yearAgo,
    recentFeedback: facts.lastFeedbackOn !== null && facts.lastFeedbackOn >= yearAgo.slice(0, 10),
  };
  const items = COMPLETENESS_ITEMS.map((item) => ({ key: item.key, ok: met[item.key], weight: item.weight, fix: item.fix }));
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  const score = Math.round((100 * items.filter((i) => i.ok).reduce((sum, item) => sum + item.weight, 0)) / total);
  return { score, items, missing: items.filter((i) => !i.ok).map((i) => i.key) };
}
