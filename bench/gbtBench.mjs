// Gradient-boosted trees on diamonds: our histogram GBT against scikit-learn's
// HistGradientBoostingRegressor (single-threaded), same matrix, same folds, same hyperparameters.
// Reports per tool the median fit seconds per fold and the mean R² over the folds, prints a
// markdown table and rewrites the "gbt" section of bench/RESULTS.md. See bench/README.md.
// Usage: node bench/gbtBench.mjs [--repeats 3] [--no-write]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { writeResultsSection } from './resultsFile.mjs';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : fallback; };
const repeats = Number(arg('--repeats', '3'));
const FOLDS = 5;
const SEED = 0;
const FEATURES = ['carat', 'cut', 'color', 'clarity', 'depth', 'table', 'x', 'y', 'z'];
const ORDER = {
  cut: ['Fair', 'Good', 'Very Good', 'Premium', 'Ideal'],
  color: ['D', 'E', 'F', 'G', 'H', 'I', 'J'],
  clarity: ['I1', 'SI2', 'SI1', 'VS2', 'VS1', 'VVS2', 'VVS1', 'IF'],
};
// sklearn's defaults, spelled out for both tools.
const PARAMS = { max_iter: 100, learning_rate: 0.1, max_leaf_nodes: 31, min_samples_leaf: 20, max_bins: 255, l2_regularization: 0, early_stopping: 'auto' };

// Build the engine code this bench uses into bench/.build/ (git-ignored), straight from the sources.
const outfile = path.join(import.meta.dirname, '.build', 'gbtBench.cjs');
await esbuild.build({
  stdin: {
    contents: [
      "export { readCsv } from './src/engine/data/csvReader';",
      "export { toFrame } from './src/engine/pipeline/frame';",
      "export { gbtFamily } from './src/engine/models/gbt/gbtFamily';",
      "export { seededRandom, shuffleInPlace } from './src/engine/random';",
    ].join('\n'),
    resolveDir: root, loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning', external: ['@duckdb/node-api'],
});
const { readCsv, toFrame, gbtFamily, seededRandom, shuffleInPlace } = createRequire(import.meta.url)(outfile);

// The matrix: cut/color/clarity as ordinal codes in their natural order, every other feature as is.
const frame = toFrame(await readCsv({ path: path.join(root, 'test', 'fixtures', 'datasets', 'diamonds.csv') }));
const n = frame.numRows();
const columns = FEATURES.map((name) => {
  const values = frame.array(name);
  return ORDER[name] ? Float64Array.from(values, (v) => ORDER[name].indexOf(v)) : Float64Array.from(values);
});
const y = Float64Array.from(frame.array('price'));
// Folds from a seeded shuffle: row perm[i] is in fold i % 5.
const fold = new Int32Array(n);
shuffleInPlace(Int32Array.from({ length: n }, (_, i) => i), seededRandom(SEED)).forEach((row, i) => { fold[row] = i % FOLDS; });

const rowsOf = (k, test) => Int32Array.from({ length: n }, (_, i) => i).filter((i) => (fold[i] === k) === test);
const sub = (rows) => ({ names: FEATURES, rows: rows.length, columns: columns.map((c) => Float64Array.from(rows, (r) => c[r])) });
function r2(truth, predicted) {
  let mean = 0;
  for (const v of truth) { mean += v / truth.length; }
  let ss = 0;
  let st = 0;
  for (let i = 0; i < truth.length; i++) { ss += (truth[i] - predicted[i]) ** 2; st += (truth[i] - mean) ** 2; }
  return 1 - ss / st;
}

async function runOurs() {
  const out = [];
  for (let k = 0; k < FOLDS; k++) {
    const train = rowsOf(k, false);
    const test = rowsOf(k, true);
    const data = sub(train);
    const labels = { task: 'regression', y: Float64Array.from(train, (r) => y[r]) };
    const t0 = performance.now();
    const model = await gbtFamily.fit(data, labels, PARAMS, { seed: SEED, isCancelled: () => false });
    const seconds = (performance.now() - t0) / 1000;
    const predicted = model.predict(sub(test)).values;
    out.push({ seconds, r2: r2(Float64Array.from(test, (r) => y[r]), predicted), rounds: model.rounds });
  }
  return out;
}

// The same matrix, target and folds go to Python as raw little-endian float64/int32 files.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'mlw-gbt-bench-'));
const matrix = new Float64Array(n * FEATURES.length);
for (let i = 0; i < n; i++) { for (let f = 0; f < FEATURES.length; f++) { matrix[i * FEATURES.length + f] = columns[f][i]; } }
writeFileSync(path.join(tmp, 'X.f64'), matrix);
writeFileSync(path.join(tmp, 'y.f64'), y);
writeFileSync(path.join(tmp, 'fold.i32'), fold);
const PYTHON = `
import json, sys, time
import numpy as np
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import r2_score
d = sys.argv[1]
X = np.fromfile(d + '/X.f64', dtype='<f8').reshape(-1, ${FEATURES.length})
y = np.fromfile(d + '/y.f64', dtype='<f8')
fold = np.fromfile(d + '/fold.i32', dtype='<i4')
params = json.loads(sys.argv[2])
out = []
for k in range(${FOLDS}):
    train, test = fold != k, fold == k
    model = HistGradientBoostingRegressor(random_state=${SEED}, **params)
    t0 = time.perf_counter()
    model.fit(X[train], y[train])
    seconds = time.perf_counter() - t0
    out.append({'seconds': seconds, 'r2': r2_score(y[test], model.predict(X[test])), 'rounds': int(model.n_iter_)})
print(json.dumps(out))
`;
function runSklearn() {
  const r = spawnSync('/usr/bin/python3', ['-c', PYTHON, tmp, JSON.stringify(PARAMS)], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1' } });
  if (r.status !== 0) { throw new Error(`scikit-learn run failed: ${r.stderr}`); }
  return JSON.parse(r.stdout);
}
const pythonVersions = spawnSync('/usr/bin/python3', ['-c', 'import sklearn, sys; print(sklearn.__version__, sys.version.split()[0])'], { encoding: 'utf8' }).stdout.trim().split(' ');

// The tools take turns, repeat by repeat, so a slowdown on the shared machine hits both.
const results = { ours: [], sklearn: [] };
for (let rep = 1; rep <= repeats; rep++) {
  const sk = runSklearn();
  const ours = await runOurs();
  results.sklearn.push(...sk);
  results.ours.push(...ours);
  const show = (runs) => runs.map((x) => x.seconds.toFixed(3)).join(' ');
  console.log(`repeat ${rep}/${repeats}: sklearn ${show(sk)} s; ours ${show(ours)} s`);
}
rmSync(tmp, { recursive: true, force: true });

const median = (values) => { const s = [...values].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const summary = (runs) => {
  const firstRepeat = runs.slice(0, FOLDS);
  return {
    seconds: median(runs.map((x) => x.seconds)), min: Math.min(...runs.map((x) => x.seconds)), max: Math.max(...runs.map((x) => x.seconds)),
    // Per round too: early stopping can end the tools' fits after different numbers of rounds.
    msPerRound: median(runs.map((x) => (1000 * x.seconds) / x.rounds)),
    r2: firstRepeat.reduce((s, x) => s + x.r2, 0) / FOLDS, rounds: firstRepeat.map((x) => x.rounds).join('/'),
  };
};
const ours = summary(results.ours);
const sk = summary(results.sklearn);
const timeBar = ours.seconds <= sk.seconds;
const r2Bar = Math.abs(ours.r2 - sk.r2) <= 0.005;
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = [
  row(['tool', 'median fit s per fold', 'min-max s', 'median ms per round', 'mean R² (5 folds)', 'rounds per fold']),
  row(['---', '---', '---', '---', '---', '---']),
  row(['ours: gbtFamily.fit', ours.seconds.toFixed(3), `${ours.min.toFixed(3)}-${ours.max.toFixed(3)}`, ours.msPerRound.toFixed(2), ours.r2.toFixed(5), ours.rounds]),
  row([`scikit-learn ${pythonVersions[0]} HistGradientBoostingRegressor, OMP_NUM_THREADS=1`, sk.seconds.toFixed(3), `${sk.min.toFixed(3)}-${sk.max.toFixed(3)}`, sk.msPerRound.toFixed(2), sk.r2.toFixed(5), sk.rounds]),
].join('\n');
console.log(`\n${table}\n`);
console.log(`bar: fit time <= sklearn's: ${ours.seconds.toFixed(3)} vs ${sk.seconds.toFixed(3)} s -> ${timeBar ? 'holds' : 'fails'}`);
console.log(`bar: R² within 0.005: ${ours.r2.toFixed(5)} vs ${sk.r2.toFixed(5)} -> ${r2Bar ? 'holds' : 'fails'}`);

if (!process.argv.includes('--no-write')) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  writeResultsSection('gbt', [
    '## Gradient-boosted trees (diamonds)',
    '',
    `Written by \`node bench/gbtBench.mjs\` on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}. Every number here was measured in that run.`,
    '',
    `Machine: ${os.cpus().length} cores (${cpu}), shared with other work while measuring; Node.js ${process.version};`
      + ` scikit-learn ${pythonVersions[0]} on Python ${pythonVersions[1]} (/usr/bin/python3), single-threaded.`,
    '',
    `Data: diamonds.csv, ${n.toLocaleString('en-US')} rows, ${FEATURES.length} features (cut, color, clarity as ordinal codes), target price;`
      + ` the same matrix and the same ${FOLDS} seeded folds for both tools; each tool fits ${repeats} x ${FOLDS} folds, taking turns.`,
    `Hyperparameters (both): ${Object.entries(PARAMS).map(([k, v]) => `${k}=${v}`).join(', ')};`
      + ' early stopping is on (more than 10,000 rows), each tool draws its own validation split.',
    '',
    table,
    '',
    '| bar | measured | verdict |',
    '| --- | --- | --- |',
    `| fit time <= scikit-learn's (median per fold) | ${ours.seconds.toFixed(3)} s vs ${sk.seconds.toFixed(3)} s | ${timeBar ? 'holds' : 'fails'} |`,
    `| mean R² within 0.005 of scikit-learn's | ${ours.r2.toFixed(5)} vs ${sk.r2.toFixed(5)} | ${r2Bar ? 'holds' : 'fails'} |`,
  ].join('\n'));
  console.log('wrote the gbt section of bench/RESULTS.md');
}
