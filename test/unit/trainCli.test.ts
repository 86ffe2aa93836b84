import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/main';
import { CliError } from '../../src/cli/output';
import { ROOT, tempDir } from './tempDir';

const IRIS = path.join(ROOT, 'test', 'fixtures', 'datasets', 'iris.csv');

async function mlw(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}

/** The exit code and message of a command that fails the way the CLI reports it. */
async function failure(args: string[]): Promise<{ code: number; message: string }> {
  try {
    await mlw(args);
  } catch (err) {
    if (err instanceof CliError) { return { code: err.exitCode, message: err.message }; }
    const code = (err as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) { return { code: 2, message: (err as Error).message }; }
    throw err;
  }
  assert.fail(`mlw ${args.join(' ')} succeeded`);
}

describe('mlw train', () => {
  it('trains on iris with --json and a trial budget: the documented shape on stdout, trials on stderr', async () => {
    const out = tempDir();
    const r = await mlw(['train', IRIS, '--target', 'species', '--json', '--trials', '4', '--models', 'baseline,decisionTree', '--folds', '3', '--seed', '5', '--out', out]);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as {
      task: string; target: string; metric: string; rows: number; folds: number; seed: number; runDir: string;
      leaderboard: { model: string; family: string; params: object; cv: Record<string, { mean: number; std: number }>; fitSeconds: number; predictMsPerRow: number; sizeBytes: number }[];
      best: { model: string; cv: Record<string, { mean: number; std: number }> };
    };
    assert.deepEqual([report.task, report.target, report.metric, report.rows, report.folds, report.seed], ['multiclass', 'species', 'accuracy', 150, 3, 5]);
    assert.deepEqual(report.leaderboard.map((row) => row.family), ['decisionTree', 'baseline']);
    for (const row of report.leaderboard) {
      assert.deepEqual(Object.keys(row.cv), ['accuracy', 'f1_macro', 'roc_auc', 'log_loss']);
      for (const summary of Object.values(row.cv)) { assert.equal(typeof summary.mean, 'number'); assert.equal(typeof summary.std, 'number'); }
      assert.equal(typeof row.params, 'object');
      assert.ok(row.fitSeconds >= 0 && row.predictMsPerRow >= 0);
      assert.equal(row.sizeBytes, readFileSync(path.join(report.runDir, 'models', `${row.model}.json`)).length);
    }
    assert.ok(report.leaderboard[1].cv.accuracy.mean < 0.4, 'the baseline guesses one class of three');
    assert.deepEqual(report.best, { model: report.leaderboard[0].model, family: 'decisionTree', cv: report.leaderboard[0].cv });
    assert.equal(path.dirname(report.runDir), out);
    assert.ok(existsSync(path.join(report.runDir, 'run.json')));
    const trialLines = r.err.split('\n').filter((line) => /^\s+\d+\s/.test(line));
    assert.equal(trialLines.length, 4, r.err);
  });

  it('prints a readable leaderboard without --json', async () => {
    const r = await mlw(['train', IRIS, '--target', 'species', '--models', 'baseline', '--out', tempDir()]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /multiclass on "species": 150 rows, 5-fold CV, seed 0, ranked by accuracy/);
    assert.match(r.out, /baseline-1\s+baseline\s+0\.3333 ± 0\.0000/);
    assert.match(r.out, /run recorded in /);
  });

  it('rejects bad input with one clear line and exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['train', IRIS, '--target', 'nope'], /Unknown target "nope" \(columns: .*species\)/],
      [['train', IRIS, '--target', 'species', '--models', 'baseline,forest'], /Unknown model "forest" \(available: .*baseline/],
      [['train', IRIS, '--target', 'species', '--folds', '1'], /--folds needs a whole number of at least 2, not "1"/],
      [['train', IRIS, '--target', 'species', '--trials', 'abc'], /--trials needs a whole number/],
      [['train', IRIS, '--target', 'species', '--time-budget', '0'], /--time-budget needs a positive number/],
      [['train', IRIS, '--target', 'species', '--task', 'ranking'], /--task is binary, multiclass or regression/],
      [['train', IRIS, '--target', 'species', '--fold-column', 'colour'], /Unknown fold column "colour"/],
      [['train', IRIS], /--target COLUMN/],
      [['train', IRIS, '--target', 'species', '--metric', 'rmse'], /"rmse" does not apply to multiclass/],
      [['train', path.join(ROOT, 'nope.csv'), '--target', 'y'], /nope\.csv: no such file/],
      [['train', IRIS, '--target', 'species', '--frobnicate'], /Unknown option/],
      [['train', path.join(ROOT, 'samples', 'penguins', 'mlworkflow.json'), '--out', ROOT], /--out is for a CSV/],
    ];
    for (const [args, message] of cases) {
      const f = await failure(args);
      assert.equal(f.code, 2, args.join(' '));
      assert.match(f.message, message);
      assert.ok(!f.message.includes('\n'), `one line: ${f.message}`);
    }
  });
});
