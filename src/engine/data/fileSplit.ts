import { promises as fs } from 'node:fs';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const BLOCK_BYTES = 8 << 20;
/** Quotes per block above which hopping from quote to quote costs more than looking at every byte. */
const DENSE_QUOTES = 1 << 16;

/**
 * The first record start at or after `at`: the byte after the first line break outside quotes.
 * Quote parity is counted from the start of the file, hopping from quote to quote with the native
 * indexOf (a file without quotes costs a memchr, not a JavaScript loop). undefined when there is
 * none (no LF after `at`, or the file ends inside quotes).
 */
export async function findRecordStart(file: string, at: number): Promise<number | undefined> {
  const handle = await fs.open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const buffer = Buffer.allocUnsafe(BLOCK_BYTES);
    let quoted = false;
    for (let position = 0; position < size;) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(BLOCK_BYTES, size - position), position);
      if (bytesRead === 0) { return undefined; }
      const block = buffer.subarray(0, bytesRead);
      // Parity up to `at` (or the block's end), then the first LF outside quotes.
      const scanTo = Math.min(bytesRead, Math.max(0, at - position));
      quoted = quoteParity(block, 0, scanTo, quoted);
      for (let i = scanTo; i < bytesRead; i++) {
        const b = block[i];
        if (b === QUOTE) { quoted = !quoted; } else if (b === LF && !quoted) { return position + i + 1; }
      }
      position += bytesRead;
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/** Whether the bytes [start, end) end inside quotes, given whether they start inside. */
function quoteParity(block: Buffer, start: number, end: number, quoted: boolean): boolean {
  let hops = 0;
  let i = block.indexOf(QUOTE, start);
  while (i >= 0 && i < end) {
    quoted = !quoted;
    if (++hops > DENSE_QUOTES) {
      for (let k = i + 1; k < end; k++) { if (block[k] === QUOTE) { quoted = !quoted; } }
      return quoted;
    }
    i = block.indexOf(QUOTE, i + 1);
  }
  return quoted;
}

/** The line breaks (LF, CRLF or a lone CR) in bytes [0, end) of a file, counted as the reader counts lines. */
export async function countLines(file: string, end: number): Promise<number> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(BLOCK_BYTES);
    let lines = 0;
    let previous = 0;
    for (let position = 0; position < end;) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(BLOCK_BYTES, end - position), position);
      if (bytesRead === 0) { break; }
      for (let i = 0; i < bytesRead; i++) {
        const b = buffer[i];
        if (b === LF) { lines++; } else if (previous === CR) { lines++; }
        previous = b;
        if (b === LF) { previous = 0; }
      }
      position += bytesRead;
    }
    return lines + (previous === CR ? 1 : 0);
  } finally {
    await handle.close();
  }
}
