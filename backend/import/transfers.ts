import { Readable, Writable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../../shared/api/errors.ts';
import type { Store } from '../store/store.ts';

/** Parts of at most this many bytes: one call each, well under the web host's 4 MiB body once in base64. */
export const PART_BYTES = 1024 * 1024;
/** Pieces a stored file is read in (see stream). */
const READ_PIECE = 64 * 1024;
/** Uploads and exports left behind (a closed window, a crash) are removed after a day. */
const STALE_MS = 86_400_000;

export type Direction = 'upload' | 'download';

export interface TransferFile {
  id: string;
  name: string;
  direction: Direction;
  size: number;
}

/**
 * Files on their way into the store (a spreadsheet the renderer uploads part by part, in either host) or out of
 * it (an export to download), kept inside the encrypted store rather than as plain temporary files. Parts are
 * written and read one at a time, so memory stays bounded whatever the file's size.
 */
export class Transfers {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  begin(name: string, direction: Direction): TransferFile {
    this.removeStale();
    const file = { id: uuidv7(), name, direction, size: 0 };
    this.store.prepare('INSERT INTO file_transfers (id, name, direction, size, createdAt) VALUES (?, ?, ?, 0, ?)').run(file.id, name, direction, this.now().toISOString());
    return file;
  }

  /** Appends part `part` (0, 1, 2, … in order; a repeated part replaces itself, so a retried call is harmless). */
  writePart(id: string, part: number, data: Buffer): TransferFile {
    const file = this.get(id);
    const expected = this.store.prepare('SELECT count(*) FROM file_transfer_parts WHERE fileId = ?').pluck().get(id) as number;
    if (part > expected) throw ApiError.field('part', `must be ${expected}: parts arrive in order`);
    if (data.length > PART_BYTES) throw ApiError.field('data', `must be at most ${PART_BYTES} bytes`);
    this.store.transaction(() => {
      this.store.prepare('INSERT OR REPLACE INTO file_transfer_parts (fileId, part, data) VALUES (?, ?, ?)').run(id, part, data);
      this.store.prepare('UPDATE file_transfers SET size = (SELECT coalesce(sum(length(data)), 0) FROM file_transfer_parts WHERE fileId = ?) WHERE id = ?').run(id, id);
    });
    return { ...file, size: this.get(id).size };
  }

  get(id: string): TransferFile {
    const row = this.store.prepare('SELECT id, name, direction, size FROM file_transfers WHERE id = ?').get(id) as TransferFile | undefined;
    if (!row) throw new ApiError('not_found', `No file with id ${id}.`);
    return row;
  }

  parts(id: string): number {
    return this.store.prepare('SELECT count(*) FROM file_transfer_parts WHERE fileId = ?').pluck().get(id) as number;
  }

  readPart(id: string, part: number): Buffer {
    const data = this.store.prepare('SELECT data FROM file_transfer_parts WHERE fileId = ? AND part = ?').pluck().get(id, part) as Buffer | undefined;
    if (!data) throw new ApiError('not_found', `The file has no part ${part}.`);
    return data;
  }

  /**
   * The file's bytes as a stream, read part by part from the store and passed on in pieces of READ_PIECE bytes: a
   * CSV parser given a whole part at once turns it into thousands of rows that all wait in memory (long enough to
   * be promoted to the old generation) while they are read one by one.
   */
  stream(id: string): Readable {
    const count = this.parts(id);
    const readPart = (part: number) => this.readPart(id, part);
    return Readable.from((function* () {
      for (let part = 0; part < count; part++) {
        const data = readPart(part);
        for (let at = 0; at < data.length; at += READ_PIECE) yield data.subarray(at, at + READ_PIECE);
      }
    })(), { objectMode: false });
  }

  /** A stream that stores what is written to it as the file's parts, 1 MiB each. */
  writer(id: string): Writable {
    let buffered: Buffer[] = [];
    let bytes = 0;
    let part = this.parts(id);
    const flush = () => {
      if (bytes === 0) return;
      const data = Buffer.concat(buffered, bytes);
      for (let at = 0; at < data.length; at += PART_BYTES) this.writePart(id, part++, data.subarray(at, at + PART_BYTES));
      buffered = [];
      bytes = 0;
    };
    return new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        buffered.push(data);
        bytes += data.length;
        if (bytes >= PART_BYTES) {
          const all = Buffer.concat(buffered, bytes);
          const whole = all.length - (all.length % PART_BYTES);
          buffered = [all.subarray(0, whole)];
          bytes = whole;
          flush();
          buffered = whole < all.length ? [all.subarray(whole)] : [];
          bytes = all.length - whole;
        }
        done();
      },
      final(done) {
        flush();
        done();
      },
    });
  }

  remove(id: string): void {
    this.store.transaction(() => {
      this.store.prepare('DELETE FROM file_transfer_parts WHERE fileId = ?').run(id);
      this.store.prepare('DELETE FROM file_transfers WHERE id = ?').run(id);
    });
  }

  private removeStale(): void {
    const before = new Date(this.now().getTime() - STALE_MS).toISOString();
    const stale = this.store.prepare('SELECT id FROM file_transfers WHERE createdAt < ?').pluck().all(before) as string[];
    for (const id of stale) this.remove(id);
  }
}
