// Distinct doubles by hashing, partitioned first: one hash table over a million values is 16 MB
// of random accesses (a cache miss per value); split by the top bits of the hash into 256 parts,
// each part's table fits in the core's own cache. No npm package offers a typed-array hash set
// for doubles, hence this small one.

const PART_BITS = 8;
const PARTS = 1 << PART_BITS;
/** Below this many values one table already fits in cache. */
const MIN_PARTITIONED = 1 << 15;
/** Up to this many distinct values, one table (1 MB) still sits in the core's cache. */
const FEW_LIMIT = 1 << 16;

// Buffers kept per thread and reused column after column: fresh ones per column of a million rows
// are garbage that raises the peak memory.
let table: Float64Array | undefined;
let scratch: Float64Array | undefined;
let parts: Uint8Array | undefined;
let firstRows: Int32Array | undefined;
let rowOrder: Int32Array | undefined;

function growScratch(n: number): void {
  if (!scratch || scratch.length < n) { scratch = new Float64Array(n); parts = new Uint8Array(n); }
}

/** The number of distinct values (-0 and 0 are one value, as in pandas); NaN must not occur. */
export function countDistinct(values: Float64Array): number {
  const n = values.length;
  if (n === 0) { return 0; }
  if (n < MIN_PARTITIONED) { return countInTable(values, 0, n); }
  // Few distinct values keep one table small enough for the cache: try that first, and give up
  // (having read as little as it takes to meet FEW_LIMIT values) when they are many.
  const few = countInTable(values, 0, n, FEW_LIMIT);
  if (few >= 0) { return few; }
  growScratch(n);
  const spread = scratch!.subarray(0, n);
  const partOf = parts!;
  const starts = new Int32Array(PARTS + 1);
  partitionOf(values, partOf, starts);
  for (let p = 0; p < PARTS; p++) { starts[p + 1] += starts[p]; }
  scatter(values, partOf, starts.slice(0, PARTS), spread);
  let distinct = 0;
  for (let p = 0; p < PARTS; p++) { distinct += countInTable(spread, starts[p], starts[p + 1]); }
  return distinct;
}

/** The indices (ascending) of the rows whose key occurs more than once; keys must not be NaN. */
export function rowsWithSharedKey(keys: Float64Array): Int32Array {
  const n = keys.length;
  growScratch(n);
  if (!rowOrder || rowOrder.length < n) { rowOrder = new Int32Array(n); }
  const partOf = parts!;
  const starts = new Int32Array(PARTS + 1);
  partitionOf(keys, partOf, starts);
  for (let p = 0; p < PARTS; p++) { starts[p + 1] += starts[p]; }
  // Keys are moved with their rows: reading them through the row order would miss the cache every time.
  const order = rowOrder;
  const spread = scratch!.subarray(0, n);
  scatterRows(keys, partOf, starts.slice(0, PARTS), order, spread);
  const shared = new Uint8Array(n);
  let count = 0;
  for (let p = 0; p < PARTS; p++) { count += markShared(spread, order, starts[p], starts[p + 1], shared); }
  const rows = new Int32Array(count);
  for (let i = 0, k = 0; i < n; i++) { if (shared[i] === 1) { rows[k++] = i; } }
  return rows;
}

function scatterRows(keys: Float64Array, partOf: Uint8Array, fill: Int32Array, order: Int32Array, spread: Float64Array): void {
  for (let i = 0; i < keys.length; i++) {
    const at = fill[partOf[i]]++;
    order[at] = i;
    spread[at] = keys[i];
  }
}

/** Flags in `shared` the rows order[from, to) (keys spread[from, to)) whose key another of them has; returns how many were flagged. */
function markShared(spread: Float64Array, order: Int32Array, from: number, to: number, shared: Uint8Array): number {
  let size = 16;
  while (size < (to - from) * 2) { size <<= 1; }
  const mask = size - 1;
  if (!table || table.length < size) { table = new Float64Array(size); }
  if (!firstRows || firstRows.length < size) { firstRows = new Int32Array(size); }
  const slots = table.subarray(0, size).fill(NaN);
  const firstRow = firstRows;
  const words = new Int32Array(spread.buffer, spread.byteOffset, spread.length * 2);
  let flagged = 0;
  for (let t = from; t < to; t++) {
    const i = order[t];
    const v = spread[t];
    let slot = hashWords(words[2 * t], words[2 * t + 1]) & mask;
    for (;;) {
      const s = slots[slot];
      if (s !== s) { slots[slot] = v; firstRow[slot] = i; break; }
      if (s === v) {
        // The first row with this key is flagged when the second arrives.
        const first = firstRow[slot];
        if (shared[first] === 0) { shared[first] = 1; flagged++; }
        shared[i] = 1;
        flagged++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return flagged;
}

// Each pass is its own function, optimised on its own (see bucketSort.ts).

/** Each value's part (the top bits of its hash), and the size of each part in counts[part + 1]. */
function partitionOf(values: Float64Array, partOf: Uint8Array, counts: Int32Array): void {
  const words = new Int32Array(values.buffer, values.byteOffset, 2 * values.length);
  for (let i = 0; i < values.length; i++) {
    const p = hashWords(words[2 * i], words[2 * i + 1]) >>> (32 - PART_BITS);
    partOf[i] = p;
    counts[p + 1]++;
  }
}

function scatter(values: Float64Array, partOf: Uint8Array, fill: Int32Array, out: Float64Array): void {
  for (let i = 0; i < values.length; i++) { out[fill[partOf[i]]++] = values[i]; }
}

/**
 * Distinct values among values[from, to) in one open-addressing table (linear probing, NaN =
 * empty), sized for `limit` distinct values; -1 as soon as there are more.
 */
function countInTable(values: Float64Array, from: number, to: number, limit = to - from): number {
  let size = 16;
  while (size < limit * 2) { size <<= 1; }
  const mask = size - 1;
  if (!table || table.length < size) { table = new Float64Array(Math.max(size, 1 << 12)); }
  const slots = table.subarray(0, size).fill(NaN);
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  let distinct = 0;
  for (let i = from; i < to; i++) {
    const v = values[i];
    let slot = hashWords(words[2 * i], words[2 * i + 1]) & mask;
    for (;;) {
      const t = slots[slot];
      if (t !== t) { slots[slot] = v; distinct++; break; }
      if (t === v) { break; }
      slot = (slot + 1) & mask;
    }
    if (distinct > limit) { return -1; }
  }
  return distinct;
}

/** A 32-bit mix of a double's two words; -0 hashes as 0 (its high word differs only in the sign). */
function hashWords(lo: number, hi: number): number {
  const sign = lo === 0 && hi === (0x80000000 | 0) ? 0 : hi;
  let h = Math.imul(lo ^ Math.imul(sign, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 13);
}
