import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, tempDir } from './tempDir';

const MLW = path.join(ROOT, 'dist', 'mlw.js');

function mlw(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [MLW, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('mlw command line', () => {
  it('prints help and version', () => {
    const help = mlw(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /mlw init <folder>/);
    assert.match(help.out, /mlw validate <mlworkflow\.json>/);
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(mlw(['--version']).out.trim(), version);
  });

  it('init writes a project that validate accepts', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'sales.csv'), 'region;amount\nnorth;10\n');
    const init = mlw(['init', path.join(dir, 'proj'), '--data', path.join(dir, 'sales.csv'), '--name', 'Sales']);
    assert.equal(init.code, 0, init.err);
    const project = JSON.parse(readFileSync(path.join(dir, 'proj', 'mlworkflow.json'), 'utf8')) as { name: string; data: { sources: { path: string }[] } };
    assert.equal(project.name, 'Sales');
    assert.equal(project.data.sources[0].path, '../sales.csv');
    const ok = mlw(['validate', path.join(dir, 'proj', 'mlworkflow.json')]);
    assert.equal(ok.code, 0);
    assert.match(ok.out, /valid/);
    const again = mlw(['init', path.join(dir, 'proj')]);
    assert.equal(again.code, 1);
    assert.match(again.err, /already exists/);
  });

  it('validate prints file:line:column errors and exits 1 on a bad file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'mlworkflow.json');
    writeFileSync(file, '{\n  "version": 1,\n  "name": "x",\n  "problem": { "task": "regresion" }\n}\n');
    const r = mlw(['validate', file]);
    assert.equal(r.code, 1);
    assert.equal(r.err.split('\n')[0], `${file}:4:24: error: "problem.task" must be one of: binary, multiclass, regression.`);
    assert.match(r.err, /1 error, 0 warnings/);
    const missing = mlw(['validate', path.join(dir, 'nope.json')]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /nope\.json: no such file/);
  });

  it('rejects unknown commands and options with exit code 2', () => {
    assert.equal(mlw(['frobnicate']).code, 2);
    const bad = mlw(['validate', '--frob']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /Unknown option/);
  });

  it('demo runs the workflow on the bundled sample, and writes only where it may', () => {
    const dir = tempDir();
    const target = path.join(dir, 'demo');
    const r = mlw(['demo', target]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Validated mlworkflow\.json: 0 problems/);
    assert.match(r.out, /\[done\] 1\. Problem Definition/);
    assert.ok(existsSync(path.join(target, 'penguins-sample', 'PROBLEM.md')));
    for (const file of ['DATA.md', 'eda.html', 'runs']) { assert.ok(existsSync(path.join(target, 'penguins-sample', file)), file); }
    assert.match(r.out, /8\. Trained 9 candidates/);
    assert.match(r.out, /\[done\] 4\. Model Selection & Training: 1 complete run/);
    assert.equal(mlw(['demo', target]).code, 1, 'a non-empty folder needs --force');
    assert.equal(mlw(['demo', target, '--force']).code, 0);
    writeFileSync(path.join(dir, 'precious.txt'), 'keep me');
    const refused = mlw(['demo', dir, '--force']);
    assert.equal(refused.code, 1, 'a folder that is not an earlier demo is never replaced');
    assert.ok(existsSync(path.join(dir, 'precious.txt')));
  });
});
