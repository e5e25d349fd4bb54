import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../backend/backend.ts';
import { Client } from '../../shared/domain/index.ts';
import { Contact, Feedback, Interaction, Project, Task } from '../../shared/domain/index.ts';
import { randomKey, tempDir } from '../support/tempStore.ts';
import { runCrm } from '../support/crm.ts';


const crm = runCrm;

describe('crm CLI', () => {
  it('lists its commands with --help', async () => {
    const { code, stdout } = await crm(['--help']);
    expect(code).toBe(0);
    for (const command of ['seed-demo', 'stats', 'search']) expect(stdout).toContain(command);
  });

  it('exits 2 with a clear message when the key is missing or malformed', async () => {
    const file = path.join(tempDir(), 'a.db');
    const missing = await crm(['stats', '--db', file]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('CRM_DB_KEY is not set');
    const malformed = await crm(['stats', '--db', file], { CRM_DB_KEY: 'abc123' });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('64 hexadecimal characters');
  });

  it('seeds deterministic demo data, reports counts and searches it', async () => {
    const dir = tempDir();
    const key = randomKey();
    const [a, b] = [path.join(dir, 'a.db'), path.join(dir, 'b.db')];
    const seeded = await crm(['seed-demo', '--db', a, '--clients', '300', '--seed', '42', '--owner', 'li.wei', '--as-of', '2026-11-28'], { CRM_DB_KEY: key });
    expect(seeded.code).toBe(0);
    await crm(['seed-demo', '--db', b, '--clients', '300', '--seed', '42', '--owner', 'li.wei', '--as-of', '2026-11-28'], { CRM_DB_KEY: key });
    const stats = JSON.parse((await crm(['stats', '--db', a], { CRM_DB_KEY: key })).stdout);
    expect(stats.clients).toBe(300);
    expect(stats.contacts).toBeGreaterThan(300);
    expect(stats.interactions).toBeGreaterThan(600);
    expect(JSON.parse((await crm(['stats', '--db', b], { CRM_DB_KEY: key })).stdout)).toEqual(stats);

    const hits = JSON.parse((await crm(['search', '--db', a, '融资', '--limit', '5'], { CRM_DB_KEY: key })).stdout);
    expect(hits).toHaveLength(5);
    for (const hit of hits) {
      expect(hit).toMatchObject({ type: expect.stringMatching(/client|contact|interaction/), id: expect.any(String), title: expect.any(String) });
      expect(hit.snippet).toContain('【融资】');
    }

    // The data is valid by the domain schemas and the same for the same seed.
    const backendA = openBackend({ file: a, keyHex: key, create: false });
    const backendB = openBackend({ file: b, keyHex: key, create: false });
    try {
      const first = (backend: typeof backendA) => backend.store.db.prepare('SELECT * FROM clients ORDER BY seq LIMIT 1').get();
      expect(first(backendA)).toEqual(first(backendB));
      const { items } = await backendA.api['clients.list']({ limit: 20 });
      for (const row of items) {
        const profile = await backendA.api['clients.profile']({ id: row.id });
        Client.parse(profile.client);
        expect(profile.client.ownerLogin).toBe('li.wei');
        profile.contacts.forEach((c) => Contact.parse(c));
        profile.projects.forEach((p) => Project.parse(p));
        profile.recentInteractions.forEach((i) => Interaction.parse(i));
        profile.feedback.forEach((f) => Feedback.parse(f));
        profile.openTasks.forEach((t) => Task.parse(t));
      }
    } finally {
      backendA.close();
      backendB.close();
    }
  });

  it('refuses to open a store with the wrong key and to seed a store that has data', async () => {
    const file = path.join(tempDir(), 'c.db');
    const key = randomKey();
    await crm(['seed-demo', '--db', file, '--clients', '5'], { CRM_DB_KEY: key });
    const wrong = await crm(['stats', '--db', file], { CRM_DB_KEY: randomKey() });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('does not open');
    const again = await crm(['seed-demo', '--db', file, '--clients', '5'], { CRM_DB_KEY: key });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds 5 clients');
  });

  it('explains bad arguments and exits 2', async () => {
    const bad = await crm(['seed-demo', '--db', path.join(tempDir(), 'd.db'), '--clients', 'many'], { CRM_DB_KEY: randomKey() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--clients must be a positive whole number');
    expect((await crm(['frobnicate'])).code).toBe(2);
  });
});
