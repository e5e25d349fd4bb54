import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_users_and_sessions.ts';
import * as m0002 from './0002_audit_log.ts';
import * as m0003 from './0003_sync_records.ts';
import * as m0004 from './0004_record_audience.ts';
import * as m0005 from './0005_reassignment_time.ts';
import * as m0006 from './0006_login_throttle.ts';
import * as m0007 from './0007_devices.ts';
import * as m0008 from './0008_rate_limits.ts';
import * as m0009 from './0009_compact_field_writes.ts';

/** Every migration in order, the same for PostgreSQL and SQLite. Add a new NNNN_name.ts file; never edit a released one. */
export const SERVER_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_users_and_sessions': m0001,
  '0002_audit_log': m0002,
  '0003_sync_records': m0003,
  '0004_record_audience': m0004,
  '0005_reassignment_time': m0005,
  '0006_login_throttle': m0006,
  '0007_devices': m0007,
  '0008_rate_limits': m0008,
  '0009_compact_field_writes': m0009,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...SERVER_MIGRATIONS }),
};
