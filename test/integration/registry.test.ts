import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend.ts';
import { MIGRATIONS } from '../../backend/store/migrations/index.ts';
import { openStore } from '../../backend/store/store.ts';
import { ENTITIES, PARENT_FIRST } from '../../shared/entities/registry.ts';
import type * as RegistryModule from '../../shared/entities/registry.ts';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../server/support/harness.ts';
import { clientInput } from '../support/clients.ts';
import { rejection } from '../support/rejection.ts';
import { randomKey, tempDir } from '../support/tempStore.ts';

/**
 * A new entity is one registry entry plus its migration: this test adds one (site visits) to the registry and
 * its table to the migrations, and nothing else, then uses it through the API, the store, stats and sync.
 */
vi.mock('../../shared/entities/registry.ts', async (importOriginal) => {
  const original = await importOriginal<typeof RegistryModule>();
  const { z } = await import('zod');
  const { buildRegistry } = await import('../../shared/entities/definition.ts');
  const { CalendarDate, Id, RecordMeta, requiredText } = await import('../../shared/domain/index.ts');
  const SiteVisitFields = z.object({
    clientId: Id, site: requiredText(100), visitedOn: CalendarDate, findings: z.array(requiredText(200)).default([]), urgent: z.boolean().default(false),
  });
  const ENTITY_SPECS = {
    ...original.ENTITY_SPECS,
    siteVisits: {
      table: 'site_visits', noun: 'site visit', nounZh: '现场走访', fields: SiteVisitFields, record: RecordMeta.extend(SiteVisitFields.shape),
      references: [{ field: 'clientId', entity: 'clients' }], fixed: ['clientId'], scope: { kind: 'client' },
      methods: ['create', 'update', 'delete', 'restore', 'get'],
    },
  } as const;
  return { ...original, ENTITY_SPECS, ...buildRegistry(ENTITY_SPECS) };
});

const siteVisitsTable = {
  version: MIGRATIONS.length + 1,
  name: 'site_visits',
  up: (db: Parameters<(typeof MIGRATIONS)[number]['up']>[0]) =>
    db.exec(`CREATE TABLE site_visits (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, clientId TEXT NOT NULL REFERENCES clients(id),
      site TEXT NOT NULL, visitedOn TEXT NOT NULL, findings TEXT NOT NULL, urgent INTEGER NOT NULL, createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL, deletedAt TEXT)`),
};

const backends: Backend[] = [];
const servers: TestServer[] = [];
afterEach(async () => {
  for (const b of backends.splice(0)) b.close();
  for (const s of servers.splice(0)) await s.close();
});

function device(): Backend {
  const backend = createBackend(openStore({ file: path.join(tempDir(), 'crm.db'), keyHex: randomKey(), migrations: [...MIGRATIONS, siteVisitsTable] }));
  backends.push(backend);
  return backend;
}

describe('the entity registry', () => {
  it('derives storage, client and order of an added entity from its entry', () => {
    const visits = (ENTITIES as unknown as Record<string, (typeof ENTITIES)['contacts']>).siteVisits!;
    expect({ json: visits.json, booleans: visits.booleans, clientField: visits.clientField }).toEqual({ json: ['findings'], booleans: ['urgent'], clientField: 'clientId' });
    expect((PARENT_FIRST as readonly string[]).indexOf('siteVisits')).toBeGreaterThan(PARENT_FIRST.indexOf('clients'));
  });

  it('serves an added entity through the API, stats, live views and sync with no other list touched', async () => {
    const server = await startTestServer('sqlite');
    servers.push(server);
    await server.addUser('li.wei', 'rm', 'team-1');
    const a = device();
    const client = await a.api['clients.create'](clientInput(1));
    const visit = (await a.call('siteVisits.create', { clientId: client.id, site: '如东海上风电场', visitedOn: '2026-11-20', findings: ['升压站进度正常'], urgent: true })) as { id: string };
    expect(await a.call('siteVisits.get', { id: visit.id })).toMatchObject({ site: '如东海上风电场', findings: ['升压站进度正常'], urgent: true });
    const bad = await rejection(a.call('siteVisits.update', { id: visit.id, patch: { clientId: client.id, visitedOn: '20.11.2026' } }));
    expect(bad.issues.map((i) => i.path).sort()).toEqual(['patch.clientId', 'patch.visitedOn']);
    expect((await a.api['store.stats']({})) as Record<string, number>).toMatchObject({ siteVisits: 1 });

    await a.api['sync.signIn']({ serverUrl: server.url, login: 'li.wei', password: TEST_PASSWORD });
    expect((await a.api['sync.run']({})).pendingChanges).toBe(0);
    const b = device();
    await b.api['sync.signIn']({ serverUrl: server.url, login: 'li.wei', password: TEST_PASSWORD });
    await b.api['sync.run']({});
    expect(await b.call('siteVisits.get', { id: visit.id })).toMatchObject({ clientId: client.id, urgent: true });

    // Deleting the client hides its visits everywhere the live views are read.
    await b.api['clients.delete']({ id: client.id });
    expect((await b.api['store.stats']({})) as Record<string, number>).toMatchObject({ clients: 0, siteVisits: 0 });
  });
});
