import { promises as fs } from 'node:fs';
import { CancelledError } from './csvReader';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const BLOCK_BYTES = 8 << 20;
/** Quotes per block above which hopping from quote to quote costs more than looking at every byte. */
const DENSE_QUOTES = 1 << 16;
/** How far past the wanted offset to look for a record start before giving up (one thread then reads it all). */
const SEARCH_BYTES = 64 << 20;

/**
 * Where the reader is in quotes, by the reader's own rule (csvParser.ts): a quote opens a quoted
 * field only as the first byte of a field; inside, a doubled quote is a quote and a single one
 * closes the field; any other quote is an ordinary character.
 */
class QuoteState {
  quoted = false;
  /** A quote closed the field as the last byte of the previous block: a quote first in this block makes it a doubled one. */
  private closing = false;
  /** The byte before the block (a line break before the file: the first byte starts a field). */
  private previous = LF;

  constructor(private readonly delimiter: number) {}

  /** Scans block[start, end) for quotes; returns the first LF outside quotes at or after `stopAt`, or -1. */
  scan(block: Buffer, start: number, end: number, stopAt: number): number {
    let i = start;
    if (this.closing && i < end) {
      this.closing = false;
      if (block[i] === QUOTE) { i++; } else { this.quoted = false; }
    }
    let hops = 0;
    while (i < end) {
      const quote = block.indexOf(QUOTE, i);
      const next = quote < 0 || quote >= end ? end : quote;
      if (!this.quoted && next > stopAt) {
        const lf = block.indexOf(LF, Math.max(i, stopAt));
        if (lf >= 0 && lf < next) { return lf; }
      }
      if (next === end) { break; }
      i = this.onQuote(block, next, end);
      if (++hops > DENSE_QUOTES) { return this.scanBytes(block, i, end, stopAt); }
    }
    this.previous = end > start ? block[end - 1] : this.previous;
    return -1;
  }

  /** The same scan byte by byte, for blocks dense with quotes (an indexOf per quote would cost more). */
  private scanBytes(block: Buffer, start: number, end: number, stopAt: number): number {
    for (let i = start; i < end;) {
      const b = block[i];
      if (b === QUOTE) { i = this.onQuote(block, i, end); continue; }
      if (b === LF && !this.quoted && i >= stopAt) { return i; }
      i++;
    }
    this.previous = block[end - 1];
    return -1;
  }

  /** Applies the quote at i; returns where to continue. */
  private onQuote(block: Buffer, i: number, end: number): number {
    if (!this.quoted) {
      const before = i > 0 ? block[i - 1] : this.previous;
      if (before === this.delimiter || before === LF || before === CR) { this.quoted = true; }
      return i + 1;
    }
    if (i + 1 >= end) { this.closing = true; return end; }
    if (block[i + 1] === QUOTE) { return i + 2; }
    this.quoted = false;
    return i + 1;
  }
}

/**
 * The first record start after `at`: the byte after the first line break outside quotes, with the
 * quotes followed from the start of the file as the reader follows them, hopping from quote to
 * quote with the native indexOf (a file without quotes costs a memchr, not a JavaScript loop).
 * undefined when there is none within 64 MiB after `at` (one thread then reads the file).
 */
export async function findRecordStart(file: string, at: number, delimiter: string, isCancelled?: () => boolean,
  blockBytes = BLOCK_BYTES): Promise<number | undefined> {
  const handle = await fs.open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const buffer = Buffer.allocUnsafe(blockBytes);
    const state = new QuoteState(delimiter.charCodeAt(0));
    // The reader drops a UTF-8 byte order mark: the first field starts after it.
    const bom = Buffer.alloc(3);
    await handle.read(bom, 0, 3, 0);
    const skip = bom[0] === 0xef && bom[1] === 0xbb && bom[2] === 0xbf ? 3 : 0;
    for (let position = 0; position < Math.min(size, at + SEARCH_BYTES);) {
      if (isCancelled?.()) { throw new CancelledError(); }
      const { bytesRead } = await handle.read(buffer, 0, Math.min(blockBytes, size - position), position);
      if (bytesRead === 0) { return undefined; }
      const lf = state.scan(buffer, position === 0 ? Math.min(skip, bytesRead) : 0, bytesRead, Math.max(0, at - position));
      if (lf >= 0) { return position + lf + 1; }
      position += bytesRead;
    }
    return undefined;
  } finally {
    await handle.close();
  }
}
