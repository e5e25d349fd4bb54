import {
  usccCheckCharacter, USCC_ALPHABET, CREDIT_RATINGS, PIPELINE_STAGES, type ClientStatus, type CreditRating, type ExchangeRateFields, type ProjectStage,
  type SegmentFields,
} from '../../shared/domain/index.ts';
import type { Row } from '../records/codec.ts';
import { ENTITIES, PARENT_FIRST, type EntityName } from '../../shared/entities/registry.ts';
import { sourceTokens } from '../search/indexer.ts';
import { nameSortKey } from '../search/pinyin.ts';
import { SEARCH_SOURCES, type SearchSource } from '../search/sources.ts';
import { Random } from './random.ts';
import {
  COMPANY_SUFFIXES, CONTACT_TITLES, FEEDBACK_COMMENTS, GIVEN_NAMES, INDUSTRY_WORDS, NEXT_STEPS, NOTE_SENTENCES, OUTCOMES,
  PLACES, PROJECT_TEMPLATES, REGION_NAMES, SPONSORS, SURNAMES, SYNDICATE_BANKS, TASK_TITLES, TRADE_SYLLABLES,
} from './vocabulary.ts';

export interface GeneratorOptions {
  clients: number;
  seed: number;
  /** Every client belongs to this RM; otherwise to one of rm01…rm20. */
  owner?: string;
  /** The day the data is "as of" (YYYY-MM-DD); dates are spread over the years before it. */
  asOf: string;
}

/** Rows ready to insert: per table its column list and positional values (seq included), and search-index entries. */
export interface DemoBatch {
  tables: Array<{ entity: EntityName; columns: string[]; rows: unknown[][] }>;
  search: Array<{ fts: SearchSource['fts']; entries: Array<[number, string]> }>;
  clientsDone: number;
}

const DAY = 86_400_000;
const RATING_WEIGHTS = CREDIT_RATINGS.map((r, i) => [r, i < 3 ? 6 : i < 9 ? 12 : 2] as const);
const STAGE_WEIGHTS: ReadonlyArray<readonly [ProjectStage, number]> = [
  ['origination', 10], ['mandate', 8], ['due_diligence', 8], ['credit_approval', 7], ['documentation', 6], ['financial_close', 6],
  ['drawdown_construction', 15], ['operation_repayment', 20], ['closed', 8], ['declined', 6], ['lost', 6],
];

/**
 * Default segments with their service policies, so a demo store shows differentiated service. A client who
 * needs attention (low rating, unhappy) is seen more often, not less: the watch list has the shortest cadence.
 */
export const DEMO_SEGMENTS: SegmentFields[] = [
  {
    name: '战略客户', nameEn: 'Strategic', description: '大型、评级 A- 及以上且至少两个项目已融资关闭的客户', priority: 300,
    rule: { all: [{ fact: 'sizeBand', in: ['large'] }, { fact: 'rating', atLeast: 'A-' }, { fact: 'pastProjects', min: 2 }] },
    policy: { tier: 'platinum', contactCadenceDays: 30, contactTypes: ['meeting', 'call', 'visit'], preferredChannels: ['meeting', 'visit'], reviewFrequencyDays: 90 },
  },
  {
    name: '关注客户', nameEn: 'Watch list', description: '评级低于投资级或最近满意度偏低的客户，需要更密切的联系', priority: 250,
    rule: { any: [{ fact: 'rating', atLeast: 'C', atMost: 'BB' }, { fact: 'latestCsat', max: 2 }] },
    policy: { tier: 'gold', contactCadenceDays: 14, contactTypes: ['meeting', 'call', 'visit'], preferredChannels: ['meeting', 'visit'], reviewFrequencyDays: 30 },
  },
  {
    name: '重点客户', nameEn: 'Key', description: '投资级且有存量敞口的客户', priority: 200,
    rule: { all: [{ fact: 'rating', atLeast: 'BBB-' }, { fact: 'exposureMinor', min: 1 }] },
    policy: { tier: 'gold', contactCadenceDays: 60, contactTypes: ['meeting', 'call', 'visit'], preferredChannels: ['meeting', 'call'], reviewFrequencyDays: 180 },
  },
  {
    name: '普通客户', nameEn: 'Standard', description: '其他客户', priority: 0,
    rule: { fact: 'tenureYears', min: 0 },
    policy: { tier: 'standard', contactCadenceDays: 120, contactTypes: ['meeting', 'call', 'visit', 'email'], preferredChannels: ['call', 'email'], reviewFrequencyDays: 365 },
  },
];

function creditCode(random: Random, regionCode: string): string {
  let body = `91${regionCode.slice(0, 4)}${random.int(0, 99).toString().padStart(2, '0')}`;
  while (body.length < 17) body += USCC_ALPHABET.charAt(random.int(0, USCC_ALPHABET.length - 1));
  return body + usccCheckCharacter(body);
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoInstant = (ms: number) => new Date(ms).toISOString();

/** Rates to CNY, the default reporting currency; the demo's deals are in CNY, USD and EUR. */
const DEMO_RATES: ReadonlyArray<readonly [string, number]> = [['USD', 7.12], ['EUR', 7.74], ['HKD', 0.912]];

/**
 * Deterministic, realistic, fictional project-finance data, produced in batches of rows with their
 * `seq` assigned here (the store is empty), so that generation can run in a worker thread while the
 * main thread only inserts.
 */
export class DemoGenerator {
  private readonly random: Random;
  /** History draws from its own stream, so the rest of the data for a seed stays what it was before history existed. */
  private readonly historyRandom: Random;
  private readonly anchor: number;
  // Ids take their time prefix from a counter rather than from the record's date, so that every
  // index on ids and client ids grows at its end instead of taking random inserts.
  private idClock: number;
  private readonly seqs = new Map<EntityName, number>();
  private readonly rms = Array.from({ length: 20 }, (_, i) => `rm${String(i + 1).padStart(2, '0')}`);
  private next = 0;
  private batch: DemoBatch = { tables: [], search: [], clientsDone: 0 };

  constructor(private readonly options: GeneratorOptions) {
    this.random = new Random(options.seed);
    this.historyRandom = new Random(options.seed ^ 0x5eed_4157);
    this.anchor = Date.parse(`${options.asOf}T00:00:00.000Z`);
    this.idClock = this.anchor - 1000 * DAY;
  }

  get done(): boolean {
    return this.next >= this.options.clients;
  }

  /** The default segments, then clients with their children, `count` clients at a time. */
  nextBatch(count: number): DemoBatch {
    this.batch = { tables: [], search: [], clientsDone: 0 };
    if (this.next === 0) {
      for (const fields of DEMO_SEGMENTS) this.insert('segments', this.stamp(this.anchor - 900 * DAY, { ...fields }));
      for (const [currency, rate] of DEMO_RATES) {
        const fields: ExchangeRateFields = { currency, quoteCurrency: 'CNY', rate, asOf: this.options.asOf };
        this.insert('exchangeRates', this.stamp(this.anchor - DAY, fields));
      }
    }
    const end = Math.min(this.options.clients, this.next + count);
    for (; this.next < end; this.next++) this.client(this.next);
    this.batch.clientsDone = this.next;
    // Parents before children, whatever order the first rows of each table happened to come in.
    this.batch.tables.sort((a, b) => PARENT_FIRST.indexOf(a.entity) - PARENT_FIRST.indexOf(b.entity));
    return this.batch;
  }

  /** Adds id, timestamps and tombstone to a record (no object spread: this runs 1.5 million times). */
  private readonly stamp = <T extends object>(ms: number, record: T): T & { id: string; createdAt: string; updatedAt: string; deletedAt: null } => {
    const at = isoInstant(ms);
    return Object.assign(record, { id: this.random.uuid(this.idClock++), createdAt: at, updatedAt: at, deletedAt: null });
  };

  private readonly person = () => this.random.pick(SURNAMES) + this.random.pick(GIVEN_NAMES);

  private readonly insert = (entity: EntityName, record: Row, source?: SearchSource): void => {
    const seq = (this.seqs.get(entity) ?? 0) + 1;
    this.seqs.set(entity, seq);
    let table = this.batch.tables.find((t) => t.entity === entity);
    if (!table) {
      table = { entity, columns: ['seq', ...Object.keys(record)], rows: [] };
      this.batch.tables.push(table);
    }
    // encodeRow's rules, written out per column: this loop runs for every one of 1.5 million rows.
    const config = ENTITIES[entity];
    const { columns } = table;
    const row: unknown[] = new Array(columns.length);
    row[0] = seq;
    for (let c = 1; c < columns.length; c++) {
      const column = columns[c]!;
      const value = record[column];
      row[c] = config.json.includes(column) ? JSON.stringify(value) : config.booleans.includes(column) ? (value ? 1 : 0) : value;
    }
    table.rows.push(row);
    if (source) {
      let index = this.batch.search.find((s) => s.fts === source.fts);
      if (!index) {
        index = { fts: source.fts, entries: [] };
        this.batch.search.push(index);
      }
      index.entries.push([seq, sourceTokens(source, record)]);
    }
  };

  private client(n: number): void {
    const { random, anchor, options } = this;
    const insert = this.insert;
    const stamp = this.stamp;
    const person = this.person;
    const rms = this.rms;
    const [region, regionZh, regionEn, regionCode] = random.pick(REGION_NAMES);
    const [s1, e1] = random.pick(TRADE_SYLLABLES);
    const [s2, e2] = random.pick(TRADE_SYLLABLES);
    const [industry, industryZh, industryEn, sector] = random.pick(INDUSTRY_WORDS);
    const [suffixZh, suffixEn] = random.pick(COMPANY_SUFFIXES);
    const startMs = anchor - random.int(30, 15 * 365) * DAY;
    const createdMs = startMs + random.int(0, 20) * DAY;
    const ownerLogin = options.owner ?? rms[n % rms.length]!;
    const status = random.weighted([['active', 70], ['prospect', 15], ['dormant', 10], ['lost', 5]] as const);
    const rating = random.weighted(RATING_WEIGHTS);
    const legalName = `${regionZh}${s1}${s2}${industryZh}${suffixZh}`;
    const client = stamp(createdMs, {
      legalName,
      englishName: `${regionEn} ${e1}${e2.toLowerCase()} ${industryEn} ${suffixEn}`,
      creditCode: creditCode(random, regionCode),
      industry, region,
      sizeBand: random.weighted([['large', 30], ['medium', 40], ['small', 25], ['micro', 5]] as const),
      annualRevenueMinor: random.int(5, 5000) * 1_000_000_00,
      totalAssetsMinor: random.int(10, 20000) * 1_000_000_00,
      financialsCurrency: 'CNY',
      rating,
      lastReviewRating: random.chance(0.1) ? CREDIT_RATINGS[Math.max(0, CREDIT_RATINGS.indexOf(rating) - random.int(1, 3))]! : rating,
      status, ownerLogin, teamCode: options.owner ? 'team-demo' : `team-${(n % 4) + 1}`,
      relationshipStart: isoDate(startMs),
      referredById: null,
      tags: random.chance(0.3) ? [random.pick(['央企', '地方国企', '民营', '外资', '上市公司'])] : [],
      notes: '',
      segmentId: null,
      lastContactAt: null,
      mergedIntoId: null,
      nameSortKey: nameSortKey(legalName),
    });
    insert('clients', client, SEARCH_SOURCES.client);
    this.history(client, startMs);

    const contacts: Array<{ id: string; name: string }> = [];
    for (let k = random.int(1, 5); k > 0; k--) {
      const [title, department, decision] = random.pick(CONTACT_TITLES);
      const name = person();
      const contact = stamp(createdMs + k * 1000, {
        clientId: client.id, name, title, department,
        phone: `1${random.int(3, 9)}${random.int(0, 999_999_999).toString().padStart(9, '0')}`,
        email: `${['li', 'wang', 'zhang', 'chen', 'liu'][k % 5]}${random.int(1, 999)}@example-${n}.cn`,
        wechatId: random.chance(0.5) ? `wx_${random.int(100000, 999999)}` : '',
        isDecisionMaker: decision,
      });
      insert('contacts', contact, SEARCH_SOURCES.contact);
      contacts.push(contact);
    }

    const projects: Array<{ id: string; name: string }> = [];
    for (let k = random.weighted([[0, 10], [1, 30], [2, 30], [3, 20], [4, 10]] as const); k > 0; k--) {
      const stage = random.weighted(STAGE_WEIGHTS);
      const projectSector = random.chance(0.8) ? sector : random.pick(Object.keys(PROJECT_TEMPLATES) as Array<keyof typeof PROJECT_TEMPLATES>);
      const name = random.pick(PROJECT_TEMPLATES[projectSector]).replace('{place}', random.pick(PLACES));
      const currency = random.weighted([['CNY', 85], ['USD', 10], ['EUR', 5]] as const);
      const totalCost = random.int(5, 2000) * 10_000_000_00;
      const debt = Math.floor((totalCost * random.int(55, 80)) / 100);
      const commitment = Math.floor((debt * random.int(10, 40)) / 100);
      const stageIndex = (PIPELINE_STAGES as readonly string[]).indexOf(stage);
      const stageDates: Record<string, string> = {};
      let stageMs = createdMs + random.int(0, 365) * DAY;
      for (let i = 0; i <= Math.max(0, stageIndex); i++) {
        stageDates[PIPELINE_STAGES[i]!] = isoDate(Math.min(stageMs, anchor));
        stageMs += random.int(20, 200) * DAY;
      }
      const covenant = random.pick([1.1, 1.15, 1.2, 1.25, 1.3]);
      const dscrMin = Math.round((covenant - 0.1 + random.next() * 0.6) * 100) / 100;
      const project = stamp(createdMs + 10_000 + k, {
        clientId: client.id, name, sector: projectSector, currency,
        totalCostMinor: totalCost, debtAmountMinor: debt, ourCommitmentMinor: commitment,
        tenorMonths: random.pick([60, 84, 120, 180, 240, 300]), marginBps: random.int(60, 350), stage, stageDates,
        expectedCloseDate: stageIndex >= 0 && stageIndex < 5 ? isoDate(anchor + random.int(30, 400) * DAY) : null,
        dscrMin, dscrAvg: Math.round((dscrMin + random.next() * 0.4) * 100) / 100, covenantMinDscr: covenant,
        sponsor: random.pick(SPONSORS), spvName: `${name.slice(0, 4)}项目有限公司`,
        syndicateMembers: Array.from({ length: random.int(0, 4) }, () => random.pick(SYNDICATE_BANKS)),
      });
      insert('projects', project);
      projects.push(project);
    }

    const interactions: string[] = [];
    for (let k = random.int(2, 8); k > 0; k--) {
      const project = projects.length ? random.pick(projects) : null;
      const contact = random.pick(contacts);
      const sentence = () =>
        random.pick(NOTE_SENTENCES).replace('{project}', project?.name ?? '新项目').replace('{contact}', contact.name);
      const whenMs = anchor - random.int(1, Math.max(2, Math.floor((anchor - createdMs) / DAY))) * DAY + random.int(8, 18) * 3_600_000;
      const interaction = stamp(whenMs, {
        clientId: client.id, projectId: project?.id ?? null,
        type: random.weighted([['meeting', 40], ['call', 35], ['visit', 15], ['email', 10]] as const),
        occurredAt: isoInstant(whenMs), attendeeContactIds: [contact.id], attendeeLogins: [ownerLogin],
        notes: random.chance(0.5) ? sentence() + sentence() : sentence(),
        outcomes: random.pick(OUTCOMES), nextSteps: random.pick(NEXT_STEPS),
      });
      insert('interactions', interaction, SEARCH_SOURCES.interaction);
      interactions.push(interaction.id);
    }

    for (let k = random.weighted([[0, 20], [1, 30], [2, 30], [3, 15], [4, 5]] as const); k > 0; k--) {
      const whenMs = anchor - random.int(1, 700) * DAY;
      insert('feedback', stamp(whenMs, {
        clientId: client.id, interactionId: random.chance(0.5) ? random.pick(interactions) : null,
        csat: random.weighted([[1, 3], [2, 5], [3, 15], [4, 42], [5, 35]] as const),
        nps: random.weighted([[3, 3], [5, 5], [6, 7], [7, 15], [8, 25], [9, 25], [10, 20]] as const),
        comment: random.pick(FEEDBACK_COMMENTS), channel: random.pick(['meeting', 'survey', 'call'] as const),
        givenOn: isoDate(whenMs), capturedBy: ownerLogin, supersedesId: null,
      }));
    }

    for (let k = random.int(1, 5); k > 0; k--) {
      const dueMs = anchor + random.int(-60, 90) * DAY;
      insert('tasks', stamp(anchor - random.int(1, 90) * DAY, {
        title: random.pick(TASK_TITLES), details: '', dueDate: isoDate(dueMs),
        assigneeLogin: ownerLogin,
        status: dueMs < anchor ? random.weighted([['done', 70], ['open', 25], ['cancelled', 5]] as const) : random.weighted([['open', 80], ['in_progress', 20]] as const),
        clientId: client.id, projectId: projects.length && random.chance(0.5) ? random.pick(projects).id : null, interactionId: null,
      }));
    }
  }

  /**
   * Status and rating history that ends where the client is now: prospects won over the years, some of them
   * later dormant or lost, and ratings that moved since the last review.
   */
  private history(client: { id: string; status: ClientStatus; rating: CreditRating; lastReviewRating: CreditRating | null; ownerLogin: string }, startMs: number): void {
    const random = this.historyRandom;
    const path: ClientStatus[] = client.status === 'prospect' ? ['prospect']
      : client.status === 'active' ? (random.chance(0.8) ? ['prospect', 'active'] : ['active'])
      : client.status === 'dormant' ? ['prospect', 'active', 'dormant']
      : random.chance(0.6) ? ['prospect', 'active', 'lost'] : ['prospect', 'lost'];
    const span = Math.max(path.length, Math.floor((this.anchor - startMs) / DAY));
    let day = 0;
    let from: ClientStatus | null = null;
    for (const [i, to] of path.entries()) {
      if (i > 0) day += random.int(1, Math.max(1, Math.floor((span - day) / (path.length - i + 1))));
      this.insert('statusChanges', this.stamp(startMs + day * DAY, {
        clientId: client.id, fromStatus: from, toStatus: to, effectiveOn: isoDate(startMs + day * DAY), recordedBy: client.ownerLogin,
      }));
      from = to;
    }
    const reviewed = client.lastReviewRating ?? client.rating;
    this.insert('ratingChanges', this.stamp(startMs, {
      clientId: client.id, fromRating: null, toRating: reviewed, effectiveOn: isoDate(startMs), recordedBy: client.ownerLogin,
    }));
    if (reviewed !== client.rating) {
      const changedMs = this.anchor - random.int(1, Math.max(1, Math.min(365, Math.floor((this.anchor - startMs) / DAY)))) * DAY;
      this.insert('ratingChanges', this.stamp(changedMs, {
        clientId: client.id, fromRating: reviewed, toRating: client.rating, effectiveOn: isoDate(changedMs), recordedBy: client.ownerLogin,
      }));
    }
  }
}
