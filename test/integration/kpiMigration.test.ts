import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/backend.ts';
import { MIGRATIONS } from '../../backend/store/migrations/index.ts';
import { openStore } from '../../backend/store/store.ts';
import { creditCode } from '../support/clients.ts';
import { randomKey, tempDir } from '../support/tempStore.ts';

const AT = '2026-05-20T08:00:00.000Z';
const ids = {
  client: '01900000-0000-7000-8000-0000000000c1', feedback: '01900000-0000-7000-8000-0000000000f1',
  volume: '01900000-0000-7000-8000-0000000000a1', nps: '01900000-0000-7000-8000-0000000000a2', csat: '01900000-0000-7000-8000-0000000000a3',
  gap: '01900000-0000-7000-8000-0000000000b1', fromFeedback: '01900000-0000-7000-8000-0000000000b2',
};

describe('migration 0006: targets in minor units, improvement actions with their links', () => {
  it('keeps every target and action as it was, stores whole target values as integers and leaves old actions editable', async () => {
    const file = path.join(tempDir(), 'crm.db');
    const keyHex = randomKey();
    const old = openStore({ file, keyHex, migrations: MIGRATIONS.slice(0, 5) });
    old.db.exec(`
      INSERT INTO clients (id, legalName, englishName, creditCode, industry, region, sizeBand, financialsCurrency, rating, status, ownerLogin,
        teamCode, tags, notes, createdAt, updatedAt) VALUES ('${ids.client}', '迁移测试有限公司', '', '${creditCode(6)}', 'power', 'JS', 'large', 'CNY', 'A', 'active',
        'li.wei', 'team-1', '[]', '', '${AT}', '${AT}');
      INSERT INTO feedback (id, clientId, csat, nps, comment, channel, givenOn, capturedBy, createdAt, updatedAt)
        VALUES ('${ids.feedback}', '${ids.client}', 2, 5, '', 'meeting', '2026-05-20', 'li.wei', '${AT}', '${AT}');
      INSERT INTO bank_settings (id, key, value, createdAt, updatedAt) VALUES ('01900000-0000-7000-8000-000000000001', 'reportingCurrency', '"USD"', '${AT}', '${AT}');
      INSERT INTO targets (id, kpi, scope, period, value, currency, note, createdAt, updatedAt) VALUES
        ('${ids.volume}', 'financing_volume', '{"kind":"bank"}', '{"year":2026,"quarter":null}', 123456.6, NULL, '全年', '${AT}', '${AT}'),
        ('${ids.nps}', 'nps', '{"kind":"team","teamCode":"team-1"}', '{"year":2026,"quarter":4}', 40, 'CNY', '', '${AT}', '${AT}'),
        ('${ids.csat}', 'csat', '{"kind":"bank"}', '{"year":2026,"quarter":2}', 0.85, NULL, '', '${AT}', '${AT}');
      INSERT INTO improvement_actions (id, title, kpi, feedbackId, clientId, ownerLogin, phase, dueDate, outcome, createdAt, updatedAt) VALUES
        ('${ids.gap}', '提高留存', 'retention_rate', NULL, NULL, 'li.wei', 'do', '2026-09-30', '', '${AT}', '${AT}'),
        ('${ids.fromFeedback}', '回访不满意客户', NULL, '${ids.feedback}', NULL, 'li.wei', 'plan', NULL, '', '${AT}', '${AT}');
      INSERT INTO sync_versions (entity, recordId, version) VALUES ('targets', '${ids.nps}', 17);
    `);
    old.close();

    const backend = openBackend({ file, keyHex });
    try {
      const { api, store } = backend;
      // Every value as it was; a whole volume target is now stored as an integer, a fractional one is kept for its owner to correct.
      expect(await api['targets.get']({ id: ids.volume })).toMatchObject({ value: 123456.6, currency: null, note: '全年', period: { year: 2026, quarter: null, month: null }, updatedAt: AT });
      expect(await api['targets.get']({ id: ids.nps })).toMatchObject({ value: 40, currency: 'CNY', scope: { kind: 'team', teamCode: 'team-1' } });
      expect(store.db.prepare('SELECT typeof(value) FROM targets WHERE id = ?').pluck().get(ids.nps)).toBe('integer');
      expect(await api['targets.get']({ id: ids.csat })).toMatchObject({ value: 0.85, currency: null, createdAt: AT, updatedAt: AT });

      expect(await api['improvementActions.get']({ id: ids.gap })).toMatchObject({
        title: '提高留存', kpi: 'retention_rate', kpiScope: null, periodFrom: null, periodTo: null, phase: 'do', dueDate: '2026-09-30', baseline: null, updatedAt: AT,
      });
      expect(await api['improvementActions.get']({ id: ids.fromFeedback })).toMatchObject({ feedbackId: ids.feedback, clientId: null, kpi: null, checkDate: null });
      // An old action can still be edited: its links are valid as they were.
      expect((await api['improvementActions.update']({ id: ids.gap, patch: { phase: 'check' } })).phase).toBe('check');
      expect(store.db.prepare('SELECT count(*) FROM sync_outbox WHERE entity = ?').pluck().get('targets')).toBe(0);
    } finally {
      backend.close();
    }
  });
});
