import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/auth/sessions.ts';
import { openServerStore } from '../../server/store/database.ts';
import { addUser } from '../../server/users/users.ts';
import { freshDatabase, pgAvailable, DIALECTS, type TestDatabase } from './support/databases.ts';
import { spawnServer } from './support/childServer.ts';
import { freePort, stopProcess } from '../support/processes.ts';
import { SimulatedDevice } from './support/device.ts';
import { newClient, newContact, newInteraction } from './support/fixtures.ts';
import { testPasswordHash } from './support/harness.ts';

const KILLS = 3;

describe.each(DIALECTS)('a server killed mid-sync on %s', (dialect) => {
  describe.skipIf(dialect === 'postgres' && !pgAvailable)('', () => {
    let dir = '';
    let database: TestDatabase | undefined;
    let child: ChildProcess | undefined;
    afterAll(async () => {
      if (child) await stopProcess(child, 'SIGKILL');
      await database?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('loses and duplicates nothing when SIGKILLed repeatedly while devices push and pull', async () => {
      dir = mkdtempSync(join(tmpdir(), 'crm-crash-'));
      database = await freshDatabase(dialect, dir);
      const setup = await openServerStore(database.options);
      const hash = await testPasswordHash();
      await addUser(setup.db, { login: 'ann', password: '', role: 'rm', team: 'north' }, 'test', hash);
      await addUser(setup.db, { login: 'root', password: '', role: 'admin' }, 'test', hash);
      const tokens = await Promise.all(['ann', 'ann', 'ann', 'root'].map((login, i) =>
        createSession(setup.db, login, { id: `0193a000-0000-7000-8000-00000000000${i}`, name: `device ${i}` }, 3_600_000)));
      await setup.close();

      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      child = await spawnServer(database.cliArgs, port);
      const devices = tokens.slice(0, 3).map((t, i) => new SimulatedDevice(url, t.token, `device ${i}`));
      const created = new Set<string>();
      let writing = true;

      const work = devices.map(async (dev, d) => {
        let n = 0;
        while (writing) {
          if (dev.outbox.length > 40) {
            // The server is down: back off as a device would, instead of piling up edits.
            await new Promise((r) => setTimeout(r, 100));
            if (!(await dev.push('ok', undefined, 7))) continue;
          }
          const client = newClient('ann');
          dev.edit('clients', client.id, client.set);
          const meeting = newInteraction(client.id, `note ${d}-${n}`);
          dev.edit('interactions', meeting.id, meeting.set);
          const contact = newContact(client.id);
          dev.edit('contacts', contact.id, contact.set);
          const other = dev.list('clients')[n % Math.max(1, dev.list('clients').length)];
          if (other) dev.edit('clients', other.id, { rating: n % 2 ? 'AA' : 'BBB' });
          for (const id of [client.id, meeting.id, contact.id]) created.add(id);
          n += 1;
          await dev.push('ok', undefined, 7);
          await dev.pull('ok', 25);
        }
      });

      for (let i = 0; i < KILLS; i++) {
        await new Promise((r) => setTimeout(r, 150 + Math.random() * 350));
        await stopProcess(child, 'SIGKILL');
        child = await spawnServer(database.cliArgs, port);
      }
      writing = false;
      await Promise.all(work);
      for (let round = 0; round < 2; round++)
        for (const dev of devices) {
          expect(await dev.push('ok')).toBe(true);
          expect(await dev.pull('ok')).toBe(true);
        }

      const admin = new SimulatedDevice(url, tokens[3]?.token ?? '', 'admin');
      expect(await admin.pull('ok', 97)).toBe(true);
      const onServer = new Set([...admin.records.values()].filter((r) => r.entity !== 'conflicts').map((r) => r.id));
      expect(onServer).toEqual(created);
      expect(admin.received.length).toBe(new Set(admin.received).size);
      for (const dev of devices) {
        expect(dev.outbox).toEqual([]);
        expect(dev.snapshot()).toBe(devices[0]?.snapshot());
      }
      // Each change has exactly one outcome and one place in the order, however often it was sent.
      const check = await openServerStore(database.options);
      const applied = await check.db.selectFrom('applied_changes').select(['change_id', 'seq']).execute();
      const pushed = new Set(devices.flatMap((dev) => [...dev.results.keys()]));
      expect(applied.length).toBe(pushed.size);
      expect(new Set(applied.map((a) => a.change_id))).toEqual(pushed);
      await check.close();
      expect(created.size).toBeGreaterThan(30);
    }, 90_000);
  });
});
