// Writes a deterministic wide CSV for the profiling benchmark.
// Usage: node bench/generateCsv.mjs [rows=1000000] [out=bench/data/wide.csv]
//
// The same seed always yields the same bytes, so timings from different machines and
// commits profile identical data. The columns mix the shapes a profiler must handle
// differently: floats with many distinct values, integers with small ranges (countable
// directly) and large ones (hash-counted), and categoricals from 5 to 1000 levels.
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** sfc32: small, fast, and good enough statistically; Math.random cannot be seeded. */
function sfc32(a, b, c, d) {
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

const rand = sfc32(0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x12345678);
// Discard the first outputs: sfc32 mixes poorly right after seeding.
for (let i = 0; i < 20; i++) rand();

let spareNormal = null;
/** Standard normal by Box-Muller, keeping the second value for the next call. */
function normal() {
  if (spareNormal !== null) {
    const z = spareNormal;
    spareNormal = null;
    return z;
  }
  const u = 1 - rand(); // (0, 1]: log(0) would be -Infinity
  const v = rand();
  const r = Math.sqrt(-2 * Math.log(u));
  spareNormal = r * Math.sin(2 * Math.PI * v);
  return r * Math.cos(2 * Math.PI * v);
}

const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
// Squaring a uniform skews level frequencies (low indices common) as real categories are,
// while the rarest of 1000 levels still appears ~500 times in 1M rows.
const skewed = (n) => {
  const u = rand();
  return Math.floor(n * u * u);
};
const levels = (prefix, n, width) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(width, '0')}`);

const colors = ['red', 'green', 'blue', 'yellow', 'purple'];
const regions = levels('region_', 20, 2);
const products = levels('prod_', 100, 3);
const users = levels('user_', 1000, 4);

/** Column name and a generator for one cell's text. */
const columns = [
  ['f_normal', () => (50 + 10 * normal()).toFixed(3)],
  ['f_zscore', () => normal().toFixed(4)],
  ['f_lognormal', () => Math.exp(3 + normal()).toFixed(2)],
  ['f_income', () => Math.exp(10.5 + 0.6 * normal()).toFixed(2)],
  ['f_uniform', () => rand().toFixed(6)],
  ['f_uniform_wide', () => (rand() * 2000 - 1000).toFixed(3)],
  ['f_score', () => Math.min(1, Math.max(0, 0.7 + 0.15 * normal())).toFixed(3)],
  ['f_ratio', () => (rand() * 100).toFixed(4)],
  ['i_small', () => String(int(0, 9))],
  ['i_age', () => String(int(18, 90))],
  ['i_count', () => String(Math.floor(Math.exp(1.5 + 1.2 * normal())))],
  ['i_year', () => String(int(1950, 2024))],
  ['i_zip', () => String(int(10000, 99999))],
  ['i_large', () => String(int(0, 2147483646))],
  ['i_signed', () => String(int(-1000000, 1000000))],
  ['c_flag', () => (rand() < 0.3 ? 'yes' : 'no')],
  ['c_color', () => colors[int(0, 4)]],
  ['c_region', () => regions[skewed(20)]],
  ['c_product', () => products[skewed(100)]],
  ['c_user', () => users[skewed(1000)]],
];

// Missing rates rise from 0% on the first column to 4% on the last (2% overall), so a
// profiler sees both complete columns and sparse ones.
const missingRate = columns.map((_, j) => (0.04 * j) / (columns.length - 1));

/** Writes `rows` data rows plus a header to `out`; resolves when the file is closed. */
export async function generateCsv(rows, out) {
  mkdirSync(dirname(out), { recursive: true });
  const stream = createWriteStream(out);
  const write = (text) =>
    stream.write(text) ? Promise.resolve() : new Promise((ok) => stream.once('drain', ok));

  await write(columns.map(([name]) => name).join(',') + '\n');
  const batch = 10_000; // large writes: one stream.write per row would dominate the run time
  const cells = new Array(columns.length);
  for (let start = 0; start < rows; start += batch) {
    const lines = [];
    const end = Math.min(rows, start + batch);
    for (let r = start; r < end; r++) {
      for (let j = 0; j < columns.length; j++) {
        // Draw the value even when the cell ends up empty, so that changing the missing
        // rates does not shift every later value.
        const text = columns[j][1]();
        cells[j] = rand() < missingRate[j] ? '' : text;
      }
      lines.push(cells.join(','));
    }
    await write(lines.join('\n') + '\n');
  }
  await new Promise((ok, fail) => stream.end((err) => (err ? fail(err) : ok())));
}

export const columnCount = columns.length;

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const out = resolve(process.argv[3] ?? 'bench/data/wide.csv');
  if (!Number.isInteger(rows) || rows < 1) {
    console.error(`rows must be a positive integer, got ${process.argv[2]}`);
    process.exit(2);
  }
  const t0 = performance.now();
  await generateCsv(rows, out);
  console.log(`wrote ${rows} rows x ${columns.length} columns to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
