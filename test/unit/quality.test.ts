import * as assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createProject } from '../../src/engine/project/createProject';
import { assessQuality } from '../../src/engine/quality/assessQuality';
import { recordRisks } from '../../src/engine/quality/recordRisks';
import type { Problem, ProjectFile } from '../../src/shared/project/types';
import { ROOT, tempDir } from './tempDir';

async function projectWith(dir: string, csv: string, problem: Problem, ranges?: Record<string, { min?: number; max?: number }>): Promise<string> {
  const { path: file } = await createProject({ folder: dir, name: 'q', dataFile: csv });
  const project = JSON.parse(readFileSync(file, 'utf8')) as ProjectFile;
  project.problem = problem;
  if (ranges) { project.data = { ...project.data, ranges }; }
  writeFileSync(file, JSON.stringify(project, null, 2));
  return file;
}

const kinds = (r: Awaited<ReturnType<typeof assessQuality>>) => r.findings.map((f) => `${f.kind}:${f.column ?? '*'}`);

describe('data quality assessment', () => {
  it('on titanic: name is ID-like personal data, age is missing and outside a declared range; risks recorded once', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'titanic.csv');
    copyFileSync(path.join(ROOT, 'test', 'fixtures', 'datasets', 'titanic.csv'), csv);
    const file = await projectWith(dir, csv, { task: 'binary', target: 'survived' }, { age: { min: 0, max: 60 } });
    const report = await assessQuality(file);
    assert.deepEqual(kinds(report), ['idLike:name', 'personalData:name', 'missing:age', 'impossibleValues:age']);
    assert.deepEqual(report.classCounts, [{ value: 'no', count: 809 }, { value: 'yes', count: 500 }]);
    assert.match(report.findings[3].message, /^33 values of age are outside/);
    assert.equal(await recordRisks(file, report.suggestedRisks), 1);
    assert.equal(await recordRisks(file, report.suggestedRisks), 0);
    const risks = (JSON.parse(readFileSync(file, 'utf8')) as ProjectFile).problem?.risks ?? [];
    assert.match(risks[0].risk, /"name" holds personal data \(person names\)/);
  });

  it('finds a feature that gives the target away, one named like it, imbalance, emails and phone numbers', async () => {
    const dir = tempDir();
    const lines = ['x,leak,churned_flag,email,phone,churned'];
    for (let i = 0; i < 1000; i++) {
      const churned = i % 20 === 0 ? 'yes' : 'no';
      lines.push([(i * 7919) % 101, churned === 'yes' ? 'A' : 'B', i % 3, `user${i}@example.com`, `+44 20 7946 ${String(i).padStart(4, '0')}`, churned].join(','));
    }
    const csv = path.join(dir, 'churn.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const report = await assessQuality(await projectWith(dir, csv, { task: 'binary', target: 'churned' }));
    const found = kinds(report);
    for (const k of ['leakage:leak', 'leakage:churned_flag', 'imbalance:churned', 'personalData:email', 'personalData:phone']) { assert.ok(found.includes(k), `${k} in ${found.join(', ')}`); }
    assert.ok(!found.includes('leakage:x'), 'an unrelated feature is not leakage');
    assert.equal(report.suggestedRisks.length, 3);
  });

  it('on a regression target, a near-copy of the target is leakage', async () => {
    const dir = tempDir();
    const lines = ['a,b,price'];
    for (let i = 0; i < 300; i++) { lines.push([Math.sin(i), i * 2 + 1, i + (i % 2) * 0.01].join(',')); }
    const csv = path.join(dir, 'r.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const report = await assessQuality(await projectWith(dir, csv, { task: 'regression', target: 'price' }));
    assert.deepEqual(report.findings.filter((f) => f.kind === 'leakage').map((f) => f.column), ['b']);
  });
});

describe('mlw pipeline run', () => {
  it('fits on the training source, stores what it learned, writes the result; a bad step writes nothing', async () => {
    const { spawnSync } = await import('node:child_process');
    const { existsSync } = await import('node:fs');
    const dir = tempDir();
    const csv = path.join(dir, 'titanic.csv');
    copyFileSync(path.join(ROOT, 'test', 'fixtures', 'datasets', 'titanic.csv'), csv);
    const file = await projectWith(dir, csv, { task: 'binary', target: 'survived' });
    const project = JSON.parse(readFileSync(file, 'utf8')) as ProjectFile;
    project.data = { ...project.data, pipeline: [{ kind: 'drop', columns: ['name'] }, { kind: 'impute', columns: ['age'], strategy: 'median' }] };
    writeFileSync(file, JSON.stringify(project));
    const out = path.join(dir, 'out.csv');
    const mlw = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'mlw.js'), ...args], { encoding: 'utf8' });
    const ok = mlw(['pipeline', 'run', file, '--out', out]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(readFileSync(out, 'utf8').split('\n')[0], 'survived,sex,age,passengerClass');
    const stored = (JSON.parse(readFileSync(file, 'utf8')) as ProjectFile).data?.pipeline as { fitted?: Record<string, number> }[];
    assert.deepEqual(stored[1].fitted, { age: 28 });
    const lineage = readFileSync(path.join(dir, 'DATA.md'), 'utf8');
    assert.match(lineage, /\| titanic \| `titanic.csv` \| train \| \d* \| 5 \| `[0-9a-f]{64}` \|/);
    assert.match(lineage, /### 2\. Impute `age` \(median\)\n\n- rows: 1309 -> 1309; columns: 4 -> 4\n- learned on training rows: `\{"age":28\}`/);
    project.data = { ...project.data, pipeline: [{ kind: 'scale', columns: ['fare'], method: 'standard' }] };
    writeFileSync(file, JSON.stringify(project));
    const bad = mlw(['pipeline', 'run', file, '--out', path.join(dir, 'bad.csv')]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /Step 1 \(scale\): unknown column "fare"/);
    assert.equal(existsSync(path.join(dir, 'bad.csv')), false);
  });
});
