import type { Migration } from '../migration.ts';

/** Every entity table has an integer `seq` (stable rowid, used by the search index), a device-created UUID and a tombstone. */
const META = `seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,`;
const STAMPS = `createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL, deletedAt TEXT`;

const FILTERS = 'status, rating, industry, region, ownerLogin, segmentId';

/** Position of a rating on the internal scale (AAA = 1); the list sorts by it, not alphabetically. */
export const RATING_RANK = `instr('|AAA|AA+|AA|AA-|A+|A|A-|BBB+|BBB|BBB-|BB|B|CCC|CC|C|', '|' || rating || '|')`;

export const migration: Migration = {
  version: 1,
  name: 'core_tables',
  up(db) {
    db.exec(`
      CREATE TABLE clients (${META}
        legalName TEXT NOT NULL, englishName TEXT NOT NULL, creditCode TEXT NOT NULL,
        industry TEXT NOT NULL, region TEXT NOT NULL, sizeBand TEXT NOT NULL,
        annualRevenueMinor INTEGER, totalAssetsMinor INTEGER, financialsCurrency TEXT NOT NULL,
        rating TEXT NOT NULL, lastReviewRating TEXT, status TEXT NOT NULL,
        ownerLogin TEXT NOT NULL, teamCode TEXT NOT NULL, relationshipStart TEXT,
        referredById TEXT REFERENCES clients(id), tags TEXT NOT NULL, notes TEXT NOT NULL,
        segmentId TEXT, lastContactAt TEXT, ${STAMPS});
      -- One index per sortable column, with id as the tie-breaker the list query sorts by. The main
      -- sort indexes also carry the filter columns, so a page can be found by walking the index and
      -- testing filters there, touching the table only for the rows it returns. The filter columns
      -- lead their own index too, for a selective filter.
      CREATE INDEX clients_by_name ON clients(legalName, id, ${FILTERS}) WHERE deletedAt IS NULL;
      CREATE INDEX clients_by_rating ON clients(${RATING_RANK}, id, ${FILTERS}) WHERE deletedAt IS NULL;
      CREATE INDEX clients_by_last_contact ON clients(lastContactAt, id, ${FILTERS}) WHERE deletedAt IS NULL;
      CREATE INDEX clients_by_created ON clients(createdAt, id, ${FILTERS}) WHERE deletedAt IS NULL;
      CREATE INDEX clients_by_status ON clients(status, id) WHERE deletedAt IS NULL;
      CREATE INDEX clients_by_industry ON clients(industry, id) WHERE deletedAt IS NULL;
      CREATE INDEX clients_by_region ON clients(region, id) WHERE deletedAt IS NULL;
      CREATE INDEX clients_by_owner ON clients(ownerLogin, id) WHERE deletedAt IS NULL;
      CREATE INDEX clients_by_segment ON clients(segmentId, id) WHERE deletedAt IS NULL;
      CREATE INDEX clients_by_credit_code ON clients(creditCode);
      CREATE INDEX clients_by_referrer ON clients(referredById) WHERE referredById IS NOT NULL;

      CREATE TABLE contacts (${META}
        clientId TEXT NOT NULL REFERENCES clients(id), name TEXT NOT NULL, title TEXT NOT NULL,
        department TEXT NOT NULL, phone TEXT NOT NULL, email TEXT NOT NULL, wechatId TEXT NOT NULL,
        isDecisionMaker INTEGER NOT NULL, ${STAMPS});
      CREATE INDEX contacts_by_client ON contacts(clientId);

      CREATE TABLE projects (${META}
        clientId TEXT NOT NULL REFERENCES clients(id), name TEXT NOT NULL, sector TEXT NOT NULL,
        currency TEXT NOT NULL, totalCostMinor INTEGER NOT NULL, debtAmountMinor INTEGER NOT NULL,
        ourCommitmentMinor INTEGER NOT NULL, tenorMonths INTEGER NOT NULL, marginBps INTEGER NOT NULL,
        stage TEXT NOT NULL, stageDates TEXT NOT NULL, expectedCloseDate TEXT,
        dscrMin REAL, dscrAvg REAL, covenantMinDscr REAL, sponsor TEXT NOT NULL, spvName TEXT NOT NULL,
        syndicateMembers TEXT NOT NULL, ${STAMPS});
      CREATE INDEX projects_by_client ON projects(clientId);

      CREATE TABLE interactions (${META}
        clientId TEXT NOT NULL REFERENCES clients(id), projectId TEXT REFERENCES projects(id),
        type TEXT NOT NULL, occurredAt TEXT NOT NULL, attendeeContactIds TEXT NOT NULL,
        attendeeLogins TEXT NOT NULL, notes TEXT NOT NULL, outcomes TEXT NOT NULL, nextSteps TEXT NOT NULL, ${STAMPS});
      CREATE INDEX interactions_by_client ON interactions(clientId, occurredAt);

      CREATE TABLE feedback (${META}
        clientId TEXT NOT NULL REFERENCES clients(id), interactionId TEXT REFERENCES interactions(id),
        csat INTEGER, nps INTEGER, comment TEXT NOT NULL, channel TEXT NOT NULL, givenOn TEXT NOT NULL,
        capturedBy TEXT NOT NULL, supersedesId TEXT REFERENCES feedback(id), ${STAMPS});
      CREATE INDEX feedback_by_client ON feedback(clientId, givenOn);
      CREATE UNIQUE INDEX feedback_superseded_once ON feedback(supersedesId) WHERE supersedesId IS NOT NULL;

      CREATE TABLE tasks (${META}
        title TEXT NOT NULL, details TEXT NOT NULL, dueDate TEXT, assigneeLogin TEXT NOT NULL, status TEXT NOT NULL,
        clientId TEXT REFERENCES clients(id), projectId TEXT REFERENCES projects(id),
        interactionId TEXT REFERENCES interactions(id), ${STAMPS});
      CREATE INDEX tasks_by_assignee ON tasks(assigneeLogin, status, dueDate) WHERE deletedAt IS NULL;
      CREATE INDEX tasks_by_client ON tasks(clientId);

      CREATE TABLE segments (${META}
        name TEXT NOT NULL, description TEXT NOT NULL, priority INTEGER NOT NULL,
        rule TEXT NOT NULL, policy TEXT NOT NULL, ${STAMPS});

      CREATE TABLE targets (${META}
        kpi TEXT NOT NULL, scope TEXT NOT NULL, period TEXT NOT NULL, value REAL NOT NULL,
        currency TEXT, note TEXT NOT NULL, ${STAMPS});

      CREATE TABLE improvement_actions (${META}
        title TEXT NOT NULL, kpi TEXT, feedbackId TEXT REFERENCES feedback(id), clientId TEXT REFERENCES clients(id),
        ownerLogin TEXT NOT NULL, phase TEXT NOT NULL, dueDate TEXT, outcome TEXT NOT NULL, ${STAMPS});

      CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,
        action TEXT NOT NULL, entityType TEXT NOT NULL, entityId TEXT, detail TEXT NOT NULL);
    `);
  },
};
