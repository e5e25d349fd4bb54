import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../backend/store/migrations/index.ts';
import { SchemaTooNewError, WrongKeyError, MalformedKeyError } from '../../backend/store/errors.ts';
import { openStore } from '../../backend/store/store.ts';
import { clientInput } from '../support/clients.ts';
import { randomKey, tempBackend, tempDir } from '../support/tempStore.ts';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const filesOf = (file: string) => [file, `${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f));

describe('encrypted store', () => {
  it('writes a file that does not start with the SQLite header', async () => {
    const backend = tempBackend();
    await backend.api['clients.create'](clientInput(1));
    backend.close();
    expect(fs.readFileSync(backend.file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
  });

  it('keeps a known plaintext value out of both the database and the WAL bytes', async () => {
    const backend = tempBackend();
    const marker = '绝密标记XJ7Q-plaintext-canary';
    await backend.api['clients.create'](clientInput(1, { notes: marker, legalName: `${marker}有限公司` }));
    // Before the checkpoint the row lives in the WAL; check both files while the store is open.
    const wal = `${backend.file}-wal`;
    expect(fs.existsSync(wal)).toBe(true);
    expect(fs.statSync(wal).size).toBeGreaterThan(0);
    for (const file of [backend.file, wal]) {
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(Buffer.from(marker, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from('XJ7Q-plaintext-canary', 'utf8'))).toBe(false);
    }
  });

  it('opens with the same raw key in SQLCipher 4 mode and reads the data back', async () => {
    const backend = tempBackend();
    const created = await backend.api['clients.create'](clientInput(2));
    backend.close();
    const raw = new Database(backend.file, { fileMustExist: true });
    raw.pragma(`cipher='sqlcipher'`);
    raw.pragma('legacy=4');
    raw.pragma(`key="x'${backend.keyHex}'"`);
    expect(raw.prepare('SELECT legalName FROM clients WHERE id = ?').pluck().get(created.id)).toBe(created.legalName);
    // SQLCipher 4 defaults: 4096-byte pages, HMAC-SHA512 (2), PBKDF2-HMAC-SHA512 (2), no plaintext header.
    expect(Number(raw.pragma('legacy', { simple: true }))).toBe(4);
    expect(Number(raw.pragma('legacy_page_size', { simple: true }))).toBe(4096);
    expect(Number(raw.pragma('hmac_algorithm', { simple: true }))).toBe(2);
    expect(Number(raw.pragma('kdf_algorithm', { simple: true }))).toBe(2);
    expect(Number(raw.pragma('plaintext_header_size', { simple: true }))).toBe(0);
    raw.close();
  });

  it('refuses a wrong key with a typed error and leaves every byte of the files unchanged', async () => {
    const backend = tempBackend();
    await backend.api['clients.create'](clientInput(3));
    backend.close();
    const before = filesOf(backend.file).map((f) => [f, sha256(f)]);
    expect(() => openStore({ file: backend.file, keyHex: randomKey() })).toThrow(WrongKeyError);
    expect(filesOf(backend.file).map((f) => [f, sha256(f)])).toEqual(before);
  });

  it('rejects a key that is not 64 hex characters before touching the file', () => {
    const file = path.join(tempDir(), 'x.db');
    expect(() => openStore({ file, keyHex: 'abc' })).toThrow(MalformedKeyError);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('uses WAL, foreign keys and synchronous=FULL', () => {
    const store = openStore({ file: path.join(tempDir(), 'p.db'), keyHex: randomKey() });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    store.close();
  });
});

describe('migrations', () => {
  it.each(MIGRATIONS.map((m) => [m.version, m.name] as const))('applies every migration up to %i (%s) on an empty database', (version) => {
    const file = path.join(tempDir(), 'm.db');
    const store = openStore({ file, keyHex: randomKey(), migrations: MIGRATIONS.slice(0, version) });
    expect(store.schemaVersion).toBe(version);
    const recorded = store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(recorded).toEqual(MIGRATIONS.slice(0, version).map((m) => m.version));
    store.close();
  });

  it('upgrades a database written at an older version to the latest', () => {
    const file = path.join(tempDir(), 'u.db');
    const keyHex = randomKey();
    openStore({ file, keyHex, migrations: MIGRATIONS.slice(0, 1) }).close();
    const store = openStore({ file, keyHex });
    expect(store.schemaVersion).toBe(MIGRATIONS.length);
    store.close();
  });

  it('rolls back a failing migration entirely and keeps the previous version', () => {
    const file = path.join(tempDir(), 'f.db');
    const keyHex = randomKey();
    openStore({ file, keyHex, migrations: MIGRATIONS.slice(0, 1) }).close();
    const broken = { version: 2, name: 'broken', up: (db: Database.Database) => { db.exec('CREATE TABLE half_done (x)'); throw new Error('boom'); } };
    expect(() => openStore({ file, keyHex, migrations: [MIGRATIONS[0]!, broken] })).toThrow('boom');
    const store = openStore({ file, keyHex, migrations: MIGRATIONS.slice(0, 1) });
    expect(store.schemaVersion).toBe(1);
    expect(store.db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'half_done'`).pluck().get()).toBe(0);
    store.close();
  });

  it('refuses a database written by a newer version with a clear message and leaves it untouched', () => {
    const file = path.join(tempDir(), 'n.db');
    const keyHex = randomKey();
    const store = openStore({ file, keyHex });
    store.db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    store.close();
    const before = filesOf(file).map((f) => [f, sha256(f)]);
    expect(() => openStore({ file, keyHex })).toThrow(SchemaTooNewError);
    expect(() => openStore({ file, keyHex })).toThrow(/Update the app/);
    expect(filesOf(file).map((f) => [f, sha256(f)])).toEqual(before);
  });
});
