import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { profileFile } from '../../src/engine/profile/profileFile';
import type { DataProfile } from '../../src/shared/profile/types';
import { ROOT, tempDir } from './tempDir';

const dir = tempDir();
async function profileText(name: string, text: string): Promise<DataProfile> {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return profileFile({ path: file, mode: 'full' });
}

describe('column types and alerts', () => {
  it('infers integer (even with missing cells), float, boolean, date, categorical, text and id', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [
      i % 7 === 0 ? '' : String(i % 5), `${i}.5`, i % 2 ? 'true' : 'False', `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
      ['red', 'green', 'blue'][i % 3], `A rather long free-text comment number ${i} about this particular row`, `user-${i}`, `${(i % 12) + 1}/0${(i % 9) + 1}/2023`,
    ].join(','));
    const p = await profileText('types.csv', `int,float,bool,iso,colour,comment,user,dmy\n${rows.join('\n')}\n`);
    assert.deepEqual(p.columns.map((c) => [c.name, c.type]), [['int', 'integer'], ['float', 'float'], ['bool', 'boolean'], ['iso', 'date'],
      ['colour', 'categorical'], ['comment', 'text'], ['user', 'id'], ['dmy', 'date']]);
    assert.equal(p.columns[0].missing, 9);
    assert.deepEqual([p.columns[3].min, p.columns[3].max], ['2024-01-01', '2024-01-28']);
    // 12/09/2023 and 1/01/2023: no first part above 12, so month-first (US).
    assert.deepEqual([p.columns[7].min, p.columns[7].max], ['2023-01-01', '2023-12-09']);
    assert.deepEqual(p.columns[4].top, [{ value: 'red', count: 20 }, { value: 'green', count: 20 }, { value: 'blue', count: 20 }]);
  });

  it('flags mixed columns and raises ydata-profiling\'s alerts', async () => {
    const lines = ['k,const,mixed,x,y,skewed'];
    for (let i = 0; i < 1000; i++) { lines.push([i, 'same', i % 10 === 0 ? 'n/a?' : String(i), i, i * 2 + (i % 3), i === 999 ? 1e9 : 0].join(',')); }
    lines.push(lines[lines.length - 1]);
    const p = await profileText('alerts.csv', `${lines.join('\n')}\n`);
    assert.equal(p.columns[2].mixed, true);
    assert.equal(p.duplicateRows, 1);
    const kinds = p.alerts.map((a) => `${a.column ?? '*'}:${a.kind}`);
    for (const k of ['const:constant', 'x:highCorrelation', '*:duplicates', 'skewed:zeros', 'skewed:skewed']) { assert.ok(kinds.includes(k), `${k} in ${kinds.join(', ')}`); }
  });

  it('reads the missing markers it is given instead of pandas\' defaults', async () => {
    const file = path.join(dir, 'markers.csv');
    writeFileSync(file, 'a,b\n1,?\n2,-\n3,NA\n');
    const custom = await profileFile({ path: file, mode: 'full', missingMarkers: ['?', '-'] });
    assert.deepEqual([custom.columns[1].missing, custom.columns[1].top], [2, [{ value: 'NA', count: 1 }]]);
    const defaults = await profileFile({ path: file, mode: 'full' });
    assert.equal(defaults.columns[1].missing, 1);
  });

  it('answers from a sample on a large file, marked as sampled', async () => {
    const file = path.join(dir, 'large.csv');
    const row = '12345,0.5,category_a,some text here\n';
    writeFileSync(file, `id,v,c,t\n${row.repeat(Math.ceil((40 << 20) / row.length))}`);
    const sample = await profileFile({ path: file, mode: 'sample', sampleRows: 2000 });
    assert.equal(sample.sampled, true);
    assert.ok(sample.rows >= 1000 && sample.rows <= 2100, `rows ${sample.rows}`);
    assert.match(sample.sampleNote ?? '', /first 1,000 rows and \d[\d,]* rows from \d+ random places/);
    assert.equal(sample.columns[1].mean, 0.5);
  });
});

describe('mlw profile', () => {
  const mlw = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'mlw.js'), 'profile', ...args], { encoding: 'utf8' });

  it('prints the documented JSON shape', () => {
    const r = mlw([path.join(ROOT, 'test', 'fixtures', 'datasets', 'penguins.csv'), '--json']);
    assert.equal(r.status, 0, r.stderr);
    const p = JSON.parse(r.stdout) as DataProfile;
    assert.deepEqual(Object.keys(p).filter((k) => ['file', 'rows', 'sampled', 'duplicateRows', 'columns', 'correlations', 'alerts', 'problems'].includes(k)).length, 8);
    assert.deepEqual([p.rows, p.sampled, p.columns.length], [344, false, 7]);
    const beak = p.columns[2];
    assert.deepEqual([beak.name, beak.type, beak.count, beak.missing], ['Beak Length (mm)', 'float', 342, 2]);
    assert.equal(p.correlations.columns.length, 4);
  });

  it('prints a readable table, and exits 2 with one line on an unreadable file', () => {
    const r = mlw([path.join(ROOT, 'test', 'fixtures', 'datasets', 'titanic.csv')]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /1,309 rows x 5 columns/);
    assert.match(r.stdout, /age\s+float\s+263 \(20\.1%\)/);
    const missing = mlw([path.join(dir, 'nope.csv'), '--json']);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr.trim().split('\n').length, 1);
    assert.match(missing.stderr, /nope\.csv: no such file/);
    assert.equal(mlw([path.join(dir, 'nope.csv'), '--sample', 'many']).status, 2);
  });
});
