import type Database from 'better-sqlite3-multiple-ciphers';

/** One forward-only schema step. Files are named NNNN_what.ts and applied in order, each in its own transaction. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
