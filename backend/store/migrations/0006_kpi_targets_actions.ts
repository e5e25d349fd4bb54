import type { Migration } from '../migration.ts';

const META = `seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,`;
const STAMPS = `createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL, deletedAt TEXT`;

/**
 * KPI targets and improvement actions (issue 12).
 * - Targets: `value` becomes NUMERIC, so that a financing volume target (integer minor units with a currency) is
 *   stored as an integer, never as floating point. Every target keeps its values as they were.
 * - Improvement actions: what they are linked to (a KPI gap with its scope and period, or a risk alert; feedback
 *   entries were linked before), a check date, and the baseline and target values. Existing actions keep every
 *   value and have none of the new ones: nothing of the past can be measured again.
 */
export const migration: Migration = {
  version: 6,
  name: 'kpi_targets_actions',
  up(db) {
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
  },
};
