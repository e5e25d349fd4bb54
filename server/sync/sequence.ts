import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import { toSeq, type ServerDatabase } from '../store/schema.ts';
import { noteRecordWrites } from '../store/statistics.ts';

export type Trx = Transaction<ServerDatabase>;

/**
 * Hands out seqs inside a transaction that holds the single counter row's lock. Every writer takes that lock
 * first and keeps it until commit, so transactions commit in seq order and a reader that sees seq n has
 * already seen every seq below it: `seq > cursor` never skips a row that commits later.
 */
export class SeqAllocator {
  private constructor(
    private readonly trx: Trx,
    private last: number,
  ) {}

  static async lock(trx: Trx): Promise<SeqAllocator> {
    const row = await trx
      .updateTable('sync_counter')
      .set({ seq: sql<number>`seq` })
      .where('id', '=', 1)
      .returning('seq')
      .executeTakeFirstOrThrow();
    return new SeqAllocator(trx, toSeq(row.seq));
  }

  next(): number {
    this.last += 1;
    return this.last;
  }

  get current(): number {
    return this.last;
  }

  async save(): Promise<void> {
    await this.trx.updateTable('sync_counter').set({ seq: this.last }).where('id', '=', 1).execute();
  }
}

const queues = new WeakMap<Kysely<ServerDatabase>, Promise<unknown>>();

/**
 * Runs `work` as one transaction in the server's single order of changes. Within one instance writers
 * also queue in memory, so a writer waiting for the counter lock does not hold a pooled connection that
 * pulls need; across instances the database lock alone orders them.
 */
export function inSequence<T>(db: Kysely<ServerDatabase>, work: (trx: Trx, seqs: SeqAllocator) => Promise<T>): Promise<T> {
  const previous = queues.get(db) ?? Promise.resolve();
  const run = previous.then(async () => {
    let written = 0;
    const result = await db.transaction().execute(async (trx) => {
      // A push writes its rows from one JSON parameter, which PostgreSQL expands in memory (4 MB by default, then on disk).
      if (trx.getExecutor().adapter instanceof PostgresAdapter) await sql`SELECT set_config('work_mem', '64MB', true)`.execute(trx);
      const seqs = await SeqAllocator.lock(trx);
      const start = seqs.current;
      const result = await work(trx, seqs);
      await seqs.save();
      written = seqs.current - start;
      return result;
    });
    // Each seq handed out is about one row written (records, evictions): keep the planner's statistics in step.
    void noteRecordWrites(db, written);
    return result;
  });
  queues.set(db, run.catch(() => undefined));
  return run;
}

/** The highest seq whose transaction has committed; every lower seq has committed too. */
export async function committedSeq(db: Kysely<ServerDatabase>): Promise<number> {
  const row = await db.selectFrom('sync_counter').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
  return toSeq(row.seq);
}
