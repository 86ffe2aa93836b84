import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readCsv } from '../../src/engine/data/csvReader';
import { readCsvParallel } from '../../src/engine/data/parallelRead';
import { profileTable } from '../../src/engine/profile/profileTable';
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
});
