import type { ChunkedColumn } from './chunkedTable';

// Rows hashed to 52-bit keys (an integer in a double) from their cells' number bits and text codes:
// missing equals missing and -0 equals 0, as in pandas' `duplicated()`. Two lanes of 32 bits, each
// fed both words of every cell.

/** Rows hashed per block: the block's two hash words stay in L1 while every column is folded in. */
const BLOCK = 2048;
const SIGN = 0x80000000 | 0;
const SEED1 = 0x811c9dc5 | 0;
const SEED2 = 0x01000193;

/** The key of every row, hashing rows in blocks so that the hashes being built stay in cache while the columns stream through once. */
export function rowKeys(columns: readonly ChunkedColumn[], rows: number): Float64Array {
  const keys = new Float64Array(rows);
  const h1 = new Int32Array(BLOCK);
  const h2 = new Int32Array(BLOCK);
  // Text-only columns hash their codes alone (their numbers are all NaN); the rest hash their
  // number bits, two columns per pass (half the loads and stores of the hashes).
  const texts = columns.filter((c) => c.numericCount === 0);
  const others = columns.filter((c) => c.numericCount > 0);
  let row = 0;
  for (let c = 0; c < (columns[0]?.chunks.length ?? 0); c++) {
    const length = columns[0].chunks[c].numbers.length;
    const textCodes = texts.map((column) => column.chunks[c].codes);
    const plain = others.filter((column) => !column.chunks[c].codes).map((column) => wordsOf(column.chunks[c].numbers));
    const mixed = others.filter((column) => column.chunks[c].codes).map((column) => column.chunks[c]);
    for (let start = 0; start < length; start += BLOCK) {
      const end = Math.min(length, start + BLOCK);
      h1.fill(SEED1);
      h2.fill(SEED2);
      for (const codes of textCodes) {
        if (codes) { foldCodes(codes, start, end, h1, h2); } else { foldMissing(end - start, h1, h2); }
      }
      for (let k = 0; k < plain.length; k += 2) {
        if (k + 1 < plain.length) { foldTwo(plain[k], plain[k + 1], start, end, h1, h2); } else { foldNumbers(plain[k], start, end, h1, h2); }
      }
      for (const { numbers, codes } of mixed) { foldCells(wordsOf(numbers), codes!, start, end, h1, h2); }
      for (let i = 0; i < end - start; i++) { keys[row + i] = keyOf(h1[i], h2[i]); }
      row += end - start;
    }
  }
  return keys;
}

/**
 * The keys of some rows, given as (chunk, row in chunk): cell by cell, for when few rows are wanted.
 * Not the same keys as rowKeys gives (only comparable among themselves); the same rows are equal.
 */
export function rowKeysAt(columns: readonly ChunkedColumn[], chunkOf: Int32Array, rowOf: Int32Array): Float64Array {
  const m = chunkOf.length;
  const h1 = new Int32Array(m).fill(SEED1);
  const h2 = new Int32Array(m).fill(SEED2);
  for (const column of columns) {
    const words = column.chunks.map((chunk) => wordsOf(chunk.numbers));
    const codes = column.chunks.map((chunk) => chunk.codes);
    const textOnly = column.numericCount === 0;
    for (let t = 0; t < m; t++) {
      const c = chunkOf[t];
      const r = rowOf[t];
      const cellCodes = codes[c];
      const key = cellCodes ? textKey(cellCodes[r]) : 0;
      const w = words[c];
      const lo = textOnly ? key : w[2 * r] ^ key;
      const hi = textOnly ? 0 : highWord(w[2 * r], w[2 * r + 1]);
      h1[t] = Math.imul(h1[t] ^ lo, 0x01000193) ^ Math.imul(hi, 0x5bd1e995);
      h2[t] = Math.imul(h2[t] ^ hi, 0x85ebca6b) ^ Math.imul(lo, 0xc2b2ae35);
    }
  }
  return Float64Array.from(h1, (a, t) => keyOf(a, h2[t]));
}

/** 52 bits of the two lanes, an exact integer in a double. */
function keyOf(a: number, b: number): number {
  return (a >>> 0) * 0x100000 + (b >>> 12);
}

/** The bits of the numbers, two 32-bit words per cell (a missing cell is always the same NaN). */
function wordsOf(numbers: Float64Array): Int32Array {
  return new Int32Array(numbers.buffer, numbers.byteOffset, 2 * numbers.length);
}

/** The high word with -0 read as 0, branch-free: x is 0 only for -0, and x | -x has the sign bit otherwise. */
function highWord(lo: number, raw: number): number {
  const x = (raw ^ SIGN) | lo;
  return raw & ((x | -x) >> 31);
}

/**
 * A text's code + 1; 0 for MISSING_CODE and NUMBER_CODE, which the number bits already tell apart,
 * so that a chunk without codes hashes its cells the same (+ 1: text 0 must not hash as missing).
 */
function textKey(code: number): number {
  return (code + 1) & ~(code >> 31);
}

// Each fold mixes the cells of rows [start, end) of one column (two for foldTwo) into the block's
// hashes, as rowKeysAt mixes one cell.

function foldNumbers(words: Int32Array, start: number, end: number, h1: Int32Array, h2: Int32Array): void {
  for (let r = start, i = 0; r < end; r++, i++) {
    const lo = words[2 * r];
    const hi = highWord(lo, words[2 * r + 1]);
    h1[i] = Math.imul(h1[i] ^ lo, 0x01000193) ^ Math.imul(hi, 0x5bd1e995);
    h2[i] = Math.imul(h2[i] ^ hi, 0x85ebca6b) ^ Math.imul(lo, 0xc2b2ae35);
  }
}

function foldTwo(u: Int32Array, v: Int32Array, start: number, end: number, h1: Int32Array, h2: Int32Array): void {
  for (let r = start, i = 0; r < end; r++, i++) {
    const lo = u[2 * r];
    const hi = highWord(lo, u[2 * r + 1]);
    const lo2 = v[2 * r];
    const hi2 = highWord(lo2, v[2 * r + 1]);
    const a = Math.imul(h1[i] ^ lo, 0x01000193) ^ Math.imul(hi, 0x5bd1e995);
    const b = Math.imul(h2[i] ^ hi, 0x85ebca6b) ^ Math.imul(lo, 0xc2b2ae35);
    h1[i] = Math.imul(a ^ lo2, 0x01000193) ^ Math.imul(hi2, 0x5bd1e995);
    h2[i] = Math.imul(b ^ hi2, 0x85ebca6b) ^ Math.imul(lo2, 0xc2b2ae35);
  }
}

function foldCells(words: Int32Array, codes: Int32Array, start: number, end: number, h1: Int32Array, h2: Int32Array): void {
  for (let r = start, i = 0; r < end; r++, i++) {
    const lo = words[2 * r] ^ textKey(codes[r]);
    const hi = highWord(words[2 * r], words[2 * r + 1]);
    h1[i] = Math.imul(h1[i] ^ lo, 0x01000193) ^ Math.imul(hi, 0x5bd1e995);
    h2[i] = Math.imul(h2[i] ^ hi, 0x85ebca6b) ^ Math.imul(lo, 0xc2b2ae35);
  }
}

function foldCodes(codes: Int32Array, start: number, end: number, h1: Int32Array, h2: Int32Array): void {
  for (let r = start, i = 0; r < end; r++, i++) {
    const lo = textKey(codes[r]);
    h1[i] = Math.imul(h1[i] ^ lo, 0x01000193);
    h2[i] = Math.imul(h2[i], 0x85ebca6b) ^ Math.imul(lo, 0xc2b2ae35);
  }
}

/** foldCodes of a chunk without codes: every cell missing, whose key is 0. */
function foldMissing(m: number, h1: Int32Array, h2: Int32Array): void {
  for (let i = 0; i < m; i++) {
    h1[i] = Math.imul(h1[i], 0x01000193);
    h2[i] = Math.imul(h2[i], 0x85ebca6b);
  }
}
