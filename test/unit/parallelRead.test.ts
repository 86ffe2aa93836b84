import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readCsv } from '../../src/engine/data/csvReader';
import { readCsvParallel } from '../../src/engine/data/parallelRead';
import { profileTable, profileTableInParallel } from '../../src/engine/profile/profileTable';
import { tempDir } from './tempDir';

describe('reading a file in two halves on two threads', () => {
  it('gives exactly the single-thread profile, problems and their lines included', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'split.csv');
    const lines = ['id,text,value,colour'];
    for (let i = 0; i < 20000; i++) {
      // Quoted cells with line breaks near the middle test the split; a ragged row late in the file tests line numbers.
      const text = i % 97 === 0 ? `"line one\nline ""two"", ${i}"` : `plain ${i % 13}`;
      lines.push(i === 15000 ? `${i},${text}` : `${i},${text},${(i * 0.37) % 11},${['red', 'green', 'blue'][i % 3]}`);
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const single = await readCsv({ path: file });
    const parallel = await readCsvParallel(file, {}, 1000);
    assert.equal(parallel.rows, single.rows);
    assert.deepEqual(parallel.problems, single.problems);
    assert.equal(single.problems[0].line, 15002 + Math.floor(15000 / 97) + 1);
    const strip = (t: typeof single) => ({ ...profileTable(t, { file, sampled: false, startedAt: 0 }), seconds: 0 });
    assert.deepEqual(strip(parallel), strip(single));
  });

  it('profiles on two threads exactly as on one', async () => {
    const file = path.join(tempDir(), 'stats.csv');
    const lines = ['a,b,c,d,label'];
    for (let i = 0; i < 5000; i++) { lines.push([i % 7 === 0 ? '' : (i * 0.13) % 5, i % 11, Math.sin(i), i % 5 === 0 ? '' : i * 2, `k${i % 4}`].join(',')); }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const table = await readCsv({ path: file });
    const context = { file, sampled: false, startedAt: 0 };
    const one = { ...profileTable(table, context), seconds: 0 };
    const two = { ...(await profileTableInParallel(table, context, 10)), seconds: 0 };
    assert.deepEqual(two, one);
    assert.equal(one.correlations.columns.length, 4);
  });
});
