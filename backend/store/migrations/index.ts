import type { Migration } from '../migration.ts';
import { migration as m0001 } from './0001_core_tables.ts';
import { migration as m0002 } from './0002_search_index.ts';
import { migration as m0003 } from './0003_sync.ts';
import { migration as m0004 } from './0004_meeting_drafts.ts';
import { migration as m0005 } from './0005_history_rates_settings.ts';
import { migration as m0006 } from './0006_kpi_targets_actions.ts';
import { migration as m0007 } from './0007_alert_acknowledgements.ts';
import { migration as m0008 } from './0008_import_merge_pinyin.ts';
import { migration as m0009 } from './0009_segment_changes.ts';

/** All migrations in order. Add a new file NNNN_name.ts and list it here; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
