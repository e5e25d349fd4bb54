/** An Int32Array with room for `size` entries: this one, or a copy at least twice as long. */
export function grown(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const next = new Int32Array(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/**
 * Texts appended one after another as UTF-8 into blocks of memory outside the JavaScript heap (a text never spans
 * two blocks), read back by their number: many small texts kept for a whole file without each being an object the
 * garbage collector walks, and without the heap growing by several times their size. Texts must be well-formed
 * UTF-16 (JSON.stringify's output is: it escapes lone surrogates), as UTF-8 cannot carry a lone surrogate.
 */
export class TextStore {
  private static readonly BLOCK = 1 << 20;
  private readonly blocks: Uint8Array[] = [];
  private at = 0;
  /** Per text: its block, where it starts and how many bytes it takes. */
  private place = new Int32Array(3 * 1024);
  private count = 0;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  push(text: string): void {
    // At most three bytes per UTF-16 code unit.
    const most = text.length * 3;
    let block = this.blocks.at(-1);
    if (!block || this.at + most > block.length) {
      this.blocks.push((block = new Uint8Array(Math.max(TextStore.BLOCK, most))));
      this.at = 0;
    }
    const { written } = this.encoder.encodeInto(text, block.subarray(this.at));
    this.place = grown(this.place, 3 * (this.count + 1));
    const at = 3 * this.count++;
    this.place[at] = this.blocks.length - 1;
    this.place[at + 1] = this.at;
    this.place[at + 2] = written;
    this.at += written;
  }

  get size(): number {
    return this.count;
  }

  get(n: number): string {
    if (!(n >= 0 && n < this.count)) throw new RangeError(`No text ${n} (of ${this.count}).`);
    const start = this.place[3 * n + 1]!;
    return this.decoder.decode(this.blocks[this.place[3 * n]!]!.subarray(start, start + this.place[3 * n + 2]!));
  }
}

