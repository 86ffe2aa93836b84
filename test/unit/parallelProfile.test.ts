import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { DataProfile } from '../../src/shared/profile/types';
import { CancelledError, readCsv } from '../../src/engine/data/csvReader';
import { chunkedTable } from '../../src/engine/profile/chunkedTable';
import { profileFileInParallel, profileTableInParallel } from '../../src/engine/profile/parallelProfile';
import { profileTable } from '../../src/engine/profile/profileTable';
import { tempDir } from './tempDir';

const context = (file: string) => ({ file, sampled: false, startedAt: 0 });
const strip = (p: DataProfile) => ({ ...p, seconds: 0 });

async function singleThread(file: string): Promise<DataProfile> {
  return profileTable(chunkedTable(await readCsv({ path: file })), context(file));
}

describe('profiling a file in two halves on two threads', () => {
  it('gives exactly the single-thread profile, problems and their lines included', async () => {
    const file = path.join(tempDir(), 'split.csv');
    const lines = ['id,text,value,colour,mixed'];
    for (let i = 0; i < 20000; i++) {
      // Quoted cells with line breaks near the middle test the split; a ragged row late in the file
      // tests line numbers; a colour and texts first seen in the second half test the joined dictionary;
      // a column with text only in the second half tests chunks with and without codes.
      const text = i % 97 === 0 ? `"line one\nline ""two"", ${i}"` : `plain ${i % 13}`;
      const colour = i > 15000 && i % 5 === 0 ? 'violet' : ['red', 'green', 'blue'][i % 3];
      const mixed = i === 19000 ? 'oops' : i % 9 === 0 ? '' : String(i % 4);
      lines.push(i === 15000 ? `${i},${text}` : `${i},${text},${(i * 0.37) % 11},${colour},${mixed}`);
    }
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    const single = await singleThread(file);
    const parallel = await profileFileInParallel(file, {}, context(file), 1000);
    assert.ok(parallel, 'the file suits two threads');
    assert.equal(single.problems[0].line, 15002 + Math.floor(15000 / 97) + 1);
    assert.deepEqual(strip(parallel), strip(single));
    assert.equal(parallel.columns.find((c) => c.name === 'colour')?.distinct, 4);
    assert.equal(parallel.columns.find((c) => c.name === 'mixed')?.mixed, true);
  });

  it('reports how far it has read, and stops when cancelled', async () => {
    const file = path.join(tempDir(), 'numbers.csv');
    writeFileSync(file, `a,b\n${Array.from({ length: 50000 }, (_, i) => `${i},${i % 7}`).join('\n')}\n`);
    let seen = { bytes: 0, rows: 0 };
    const parallel = await profileFileInParallel(file, { onProgress: (bytes, _total, rows) => { seen = { bytes: Math.max(seen.bytes, bytes), rows: Math.max(seen.rows, rows) }; } }, context(file), 1000);
    assert.equal(parallel?.rows, 50000);
    assert.ok(seen.bytes > 0 && seen.rows > 0, JSON.stringify(seen));
    await assert.rejects(profileFileInParallel(file, { isCancelled: () => true }, context(file), 1000), CancelledError);
  });

  it('leaves small files and files without a record start after the middle to one thread', async () => {
    const dir = tempDir();
    const small = path.join(dir, 'small.csv');
    writeFileSync(small, 'a,b\n1,2\n');
    assert.equal(await profileFileInParallel(small, {}, context(small)), undefined);
    const oneLine = path.join(dir, 'one.csv');
    writeFileSync(oneLine, `a,b\n"${'x'.repeat(5000)}",1`);
    assert.equal(await profileFileInParallel(oneLine, {}, context(oneLine), 100), undefined);
  });

  it('profiles a table in memory on two threads exactly as on one', async () => {
    const file = path.join(tempDir(), 'stats.csv');
    const lines = ['a,b,c,d,label'];
    for (let i = 0; i < 5000; i++) { lines.push([i % 7 === 0 ? '' : (i * 0.13) % 5, i % 11, Math.sin(i), i % 5 === 0 ? '' : i * 2, `k${i % 4}`].join(',')); }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const table = chunkedTable(await readCsv({ path: file }));
    const one = strip(profileTable(table, context(file)));
    const two = strip(await profileTableInParallel(table, context(file), 10));
    assert.deepEqual(two, one);
    assert.equal(one.correlations.columns.length, 4);
  });
});
