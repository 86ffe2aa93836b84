// Argsort of one numeric column into a typed index array. Hand-written because
// `Int32Array.prototype.sort` with a comparator calls back into JavaScript for every comparison
// and was the slowest part of presorting large columns; this sorts values and indices together.

const INSERTION_LIMIT = 16;

/** Row indices 0..n-1 ordered by ascending `values` (ties in any order; values must not be NaN). */
export function argsort(values: Float64Array): Int32Array {
  const n = values.length;
  const keys = Float64Array.from(values);
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) { index[i] = i; }
  sortPairs(keys, index, 0, n - 1, 2 * Math.floor(Math.log2(n + 1)) + 4);
  return index;
}

/** Introsort on [lo, hi] of keys, moving index along; falls back to heapsort past the depth limit. */
function sortPairs(keys: Float64Array, index: Int32Array, lo: number, hi: number, depth: number): void {
  while (hi - lo > INSERTION_LIMIT) {
    if (depth-- === 0) { heapSort(keys, index, lo, hi); return; }
    const mid = (lo + hi) >>> 1;
    // Median of three to the middle, so sorted and reverse-sorted columns stay O(n log n).
    if (keys[mid] < keys[lo]) { swap(keys, index, mid, lo); }
    if (keys[hi] < keys[lo]) { swap(keys, index, hi, lo); }
    if (keys[hi] < keys[mid]) { swap(keys, index, hi, mid); }
    const pivot = keys[mid];
    let i = lo;
    let j = hi;
    // Hoare partition: elements equal to the pivot go to both sides, so columns with many ties
    // (binary and ordinal features) still split in the middle.
    while (i <= j) {
      while (keys[i] < pivot) { i++; }
      while (keys[j] > pivot) { j--; }
      if (i <= j) { swap(keys, index, i, j); i++; j--; }
    }
    // Recurse into the smaller part, loop on the larger: stack depth stays logarithmic.
    if (j - lo < hi - i) { sortPairs(keys, index, lo, j, depth); lo = i; } else { sortPairs(keys, index, i, hi, depth); hi = j; }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const k = keys[i];
    const v = index[i];
    let j = i - 1;
    while (j >= lo && keys[j] > k) { keys[j + 1] = keys[j]; index[j + 1] = index[j]; j--; }
    keys[j + 1] = k;
    index[j + 1] = v;
  }
}

function heapSort(keys: Float64Array, index: Int32Array, lo: number, hi: number): void {
  const n = hi - lo + 1;
  for (let start = (n >> 1) - 1; start >= 0; start--) { siftDown(keys, index, lo, start, n); }
  for (let end = n - 1; end > 0; end--) {
    swap(keys, index, lo, lo + end);
    siftDown(keys, index, lo, 0, end);
  }
}

function siftDown(keys: Float64Array, index: Int32Array, lo: number, root: number, n: number): void {
  for (;;) {
    let child = 2 * root + 1;
    if (child >= n) { return; }
    if (child + 1 < n && keys[lo + child + 1] > keys[lo + child]) { child++; }
    if (keys[lo + root] >= keys[lo + child]) { return; }
    swap(keys, index, lo + root, lo + child);
    root = child;
  }
}

function swap(keys: Float64Array, index: Int32Array, a: number, b: number): void {
  const k = keys[a]; keys[a] = keys[b]; keys[b] = k;
  const v = index[a]; index[a] = index[b]; index[b] = v;
}
