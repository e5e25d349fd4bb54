import type Database from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import type { Migration } from '../migration.ts';

const META = `seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,`;
const STAMPS = `createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL, deletedAt TEXT`;

type Changes = Record<string, unknown>;

/**
 * A record the server already has gets the migration's corrections as an ordinary queued change, so that the server
 * and every other device end with the same record (a record never pushed is sent whole at the next sync anyway).
 */
function queueIfSynced(db: Database.Database, entity: string, id: string, clientId: string | null, changes: Changes, at: string): void {
  const version = db.prepare('SELECT version FROM sync_versions WHERE entity = ? AND recordId = ?').pluck().get(entity, id) as number | undefined;
  if (version === undefined) return;
  db.prepare(`INSERT INTO sync_outbox (changeId, entity, recordId, clientId, baseVersion, changes, madeAt, isCreate) VALUES (?, ?, ?, ?, ?, ?, ?, 0)`)
    .run(uuidv7(), entity, id, clientId, version, JSON.stringify({ ...changes, updatedAt: at }), at);
}

function apply(db: Database.Database, table: string, entity: string, id: string, clientId: string | null, changes: Changes, at: string): void {
  const columns = Object.keys(changes);
  const encoded = columns.map((c) => (changes[c] !== null && typeof changes[c] === 'object' ? JSON.stringify(changes[c]) : changes[c]));
  db.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')}, updatedAt = ? WHERE id = ?`).run(...encoded, at, id);
  queueIfSynced(db, entity, id, clientId, changes, at);
}

const quarterOf = (instant: string): { from: string; to: string } => {
  const year = Number(instant.slice(0, 4));
  const first = Math.floor((Number(instant.slice(5, 7)) - 1) / 3) * 3;
  const day = (month: number) => new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  return { from: day(first), to: day(first + 3) };
};

/**
 * KPI targets and improvement actions (issue 12).
 * - Targets: `value` becomes NUMERIC, so that a financing volume target (integer minor units with a currency) is
 *   stored as an integer, never as floating point. Existing volume targets are rounded to whole minor units and given
 *   the reporting currency when they had none; other KPIs drop a currency, which never meant anything for them.
 * - Improvement actions: what they are linked to (a KPI gap with its scope and period, a risk alert, or a feedback
 *   entry, as before), a check date, and the baseline and target values. An existing action with a KPI and no
 *   feedback entry becomes a gap of the whole bank in the quarter it was created; one linked to feedback takes the
 *   entry's client, and the score it follows (CSAT, else NPS) when it named none.
 */
export const migration: Migration = {
  version: 6,
  name: 'kpi_targets_actions',
  up(db) {
    const at = new Date().toISOString();
    db.exec(`
      CREATE TABLE targets_numeric (${META}
        kpi TEXT NOT NULL, scope TEXT NOT NULL, period TEXT NOT NULL, value NUMERIC NOT NULL,
        currency TEXT, note TEXT NOT NULL, ${STAMPS});
      INSERT INTO targets_numeric SELECT seq, id, kpi, scope, period, value, currency, note, createdAt, updatedAt, deletedAt FROM targets;
      DROP TABLE targets;
      ALTER TABLE targets_numeric RENAME TO targets;

      ALTER TABLE improvement_actions ADD COLUMN kpiScope TEXT;
      ALTER TABLE improvement_actions ADD COLUMN periodFrom TEXT;
      ALTER TABLE improvement_actions ADD COLUMN periodTo TEXT;
      ALTER TABLE improvement_actions ADD COLUMN riskRule TEXT;
      ALTER TABLE improvement_actions ADD COLUMN riskSubjectId TEXT;
      ALTER TABLE improvement_actions ADD COLUMN checkDate TEXT;
      ALTER TABLE improvement_actions ADD COLUMN targetValue NUMERIC;
      ALTER TABLE improvement_actions ADD COLUMN baseline NUMERIC;
      ALTER TABLE improvement_actions ADD COLUMN valueCurrency TEXT;
      CREATE INDEX improvement_actions_by_feedback ON improvement_actions(feedbackId) WHERE feedbackId IS NOT NULL;
      CREATE INDEX improvement_actions_by_client ON improvement_actions(clientId) WHERE clientId IS NOT NULL;
    `);

    const setting = db.prepare(`SELECT value FROM bank_settings WHERE key = 'reportingCurrency' AND deletedAt IS NULL`).pluck().get() as string | undefined;
    const reporting = setting ? (JSON.parse(setting) as string) : 'CNY';
    const targets = db.prepare(`SELECT id, kpi, value, currency FROM targets`).all() as Array<{ id: string; kpi: string; value: number; currency: string | null }>;
    for (const target of targets) {
      const changes: Changes = {};
      if (target.kpi === 'financing_volume') {
        const minor = Math.max(0, Math.round(target.value));
        if (minor !== target.value) changes.value = minor;
        if (target.currency === null) changes.currency = reporting;
      } else if (target.currency !== null) changes.currency = null;
      if (Object.keys(changes).length > 0) apply(db, 'targets', 'targets', target.id, null, changes, at);
    }

    const actions = db.prepare(`SELECT a.id, a.kpi, a.feedbackId, a.clientId, a.createdAt, f.clientId AS feedbackClientId, f.csat AS feedbackCsat
      FROM improvement_actions a LEFT JOIN feedback f ON f.id = a.feedbackId`).all() as Array<{
      id: string; kpi: string | null; feedbackId: string | null; clientId: string | null; createdAt: string;
      feedbackClientId: string | null; feedbackCsat: number | null;
    }>;
    for (const action of actions) {
      const changes: Changes = {};
      if (action.feedbackId === null && action.kpi !== null) {
        const period = quarterOf(action.createdAt);
        Object.assign(changes, { kpiScope: { kind: 'bank' }, periodFrom: period.from, periodTo: period.to });
      }
      if (action.feedbackId !== null && action.clientId === null && action.feedbackClientId !== null) changes.clientId = action.feedbackClientId;
      if (action.feedbackId !== null && action.kpi === null) changes.kpi = action.feedbackCsat !== null ? 'csat' : 'nps';
      const clientId = (changes.clientId as string | undefined) ?? action.clientId;
      if (Object.keys(changes).length > 0) apply(db, 'improvement_actions', 'improvementActions', action.id, clientId, changes, at);
    }
  },
};
