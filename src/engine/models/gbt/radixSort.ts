// Sorting the training values of every feature is most of the binning cost. V8's
// Float64Array.prototype.sort took ~3.5 ms for 38,800 values here (about 90 ns a value); this LSD
// radix sort on the doubles' bit patterns takes a fraction of that. Doubles are mapped to
// unsigned 64-bit keys that order like the numbers (flip the sign bit of positives, all bits of
// negatives), sorted by 11-bit digits, and mapped back. NaN must not be present.

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;
const PASSES = Math.ceil(64 / DIGIT_BITS);

/** The digit of a 64-bit key (hi:lo words) at bit `shift`. */
function digit(hi: number, lo: number, shift: number): number {
  if (shift >= 32) { return (hi >>> (shift - 32)) & MASK; }
  if (shift + DIGIT_BITS <= 32) { return (lo >>> shift) & MASK; }
  return ((lo >>> shift) | (hi << (32 - shift))) & MASK;
}

/** Sorts doubles (no NaN) ascending, in place; -0 sorts before +0. Returns the array. */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < 64) { return values.sort(); }
  // Little-endian words: double i is words[2i] (low) and words[2i + 1] (high).
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1];
    const l = words[2 * i];
    if (h & 0x80000000) { hi[i] = ~h >>> 0; lo[i] = ~l >>> 0; } else { hi[i] = (h | 0x80000000) >>> 0; lo[i] = l; }
  }
  let hiOut = new Uint32Array(n);
  let loOut = new Uint32Array(n);
  const counts = new Int32Array(BUCKETS);
  for (let pass = 0; pass < PASSES; pass++) {
    const shift = pass * DIGIT_BITS;
    for (let b = 0; b < BUCKETS; b++) { counts[b] = 0; }
    for (let i = 0; i < n; i++) { counts[digit(hi[i], lo[i], shift)]++; }
    // A digit all keys share leaves the order as it is: skip the pass.
    if (counts[digit(hi[0], lo[0], shift)] === n) { continue; }
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) { const c = counts[b]; counts[b] = sum; sum += c; }
    for (let i = 0; i < n; i++) {
      const at = counts[digit(hi[i], lo[i], shift)]++;
      hiOut[at] = hi[i];
      loOut[at] = lo[i];
    }
    const th = hi; hi = hiOut; hiOut = th;
    const tl = lo; lo = loOut; loOut = tl;
  }
  for (let i = 0; i < n; i++) {
    const h = hi[i];
    if (h & 0x80000000) { words[2 * i + 1] = (h & 0x7fffffff) >>> 0; words[2 * i] = lo[i]; } else { words[2 * i + 1] = ~h >>> 0; words[2 * i] = ~lo[i] >>> 0; }
  }
  return values;
}
