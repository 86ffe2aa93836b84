// Model quality under a budget: `mlw train` on every sample dataset (5 folds, seed 0, 60 s), the
// best model's mean CV score against the best scikit-learn/XGBoost baseline of the same protocol.
// The bar: ours >= best baseline mean - one std (accuracy), ours <= best mean + one std (RMSE).
// Usage: npm run build && node bench/trainBench.mjs [--budget 60] [--only iris,titanic]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeResultsSection } from './resultsFile.mjs';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : fallback; };
const budget = Number(arg('--budget', '60'));
const only = arg('--only', undefined)?.split(',');
const { source, datasets } = JSON.parse(readFileSync(path.join(import.meta.dirname, 'baselines.json'), 'utf8'));
const runs = mkdtempSync(path.join(os.tmpdir(), 'mlw-train-bench-'));
const rows = [];

for (const d of datasets.filter((x) => !only || only.includes(x.name))) {
  const args = [path.join(root, 'dist', 'mlw.js'), 'train', path.join(root, 'test', 'fixtures', 'datasets', d.file), '--target', d.target,
    '--folds', '5', '--seed', '0', '--time-budget', String(budget), '--metric', d.metric, '--json', '--out', path.join(runs, d.name)];
  if (d.drop) { args.push('--drop', d.drop.join(',')); }
  const t0 = Date.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (Date.now() - t0) / 1000;
  if (r.status !== 0) { console.log(`${d.name}: failed: ${r.stderr.split('\n').slice(-3).join(' ')}`); rows.push({ d, failed: true, wall }); continue; }
  const report = JSON.parse(r.stdout);
  const best = report.best;
  const score = best.cv[d.metric];
  const higher = d.metric !== 'rmse';
  const holds = higher ? score.mean >= d.mean - d.std : score.mean <= d.mean + d.std;
  const beats = higher ? score.mean > d.mean : score.mean < d.mean;
  const trials = report.trials?.length ?? report.leaderboard.length;
  rows.push({ d, best, score, holds, beats, wall, trials });
  console.log(`${d.name}: ${best.model} ${d.metric} ${score.mean.toFixed(4)} ± ${score.std.toFixed(4)} vs ${d.best} ${d.mean} ± ${d.std}: ${holds ? 'holds' : 'FAILS'}${beats ? ' (beats it)' : ''}; ${trials} trials, ${wall.toFixed(1)} s`);
}
rmSync(runs, { recursive: true, force: true });

const f = (x, digits) => (d) => x(d).toFixed(digits);
const lines = [
  '## Model quality under a budget (`node bench/trainBench.mjs`)',
  '',
  `Measured on ${new Date().toISOString().slice(0, 19)}Z, ${os.cpus().length} cores, Node ${process.version}: \`mlw train <csv> --folds 5 --seed 0 --time-budget ${budget}\`, ranked by the dataset's metric. Baselines: ${source}`,
  '',
  '| dataset | metric | ours: best model | ours mean ± std | best baseline | baseline mean ± std | bar (within one std) | beats baseline | trials | wall s |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(({ d, best, score, holds, beats, wall, trials }) => (best
    ? `| ${d.name} | ${d.metric} | ${best.model} | ${f(() => score.mean, 4)(d)} ± ${f(() => score.std, 4)(d)} | ${d.best} | ${d.mean} ± ${d.std} | ${holds ? 'holds' : 'fails'} | ${beats ? 'yes' : 'no'} | ${trials} | ${wall.toFixed(1)} |`
    : `| ${d.name} | ${d.metric} | failed | | ${d.best} | ${d.mean} ± ${d.std} | fails | no | | ${wall.toFixed(1)} |`)),
];
if (!only) { writeResultsSection('training', lines.join('\n')); console.log('wrote the training section of bench/RESULTS.md'); }
process.exitCode = rows.every((r) => r.holds) ? 0 : 1;
