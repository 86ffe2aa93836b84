import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readCsv } from '../../src/engine/data/csvReader';
import { findRecordStart } from '../../src/engine/data/fileSplit';
import { seededRandom } from '../../src/engine/random';
import { chunkedTable } from '../../src/engine/profile/chunkedTable';
import { profileFileInParallel } from '../../src/engine/profile/parallelProfile';
import { profileTable } from '../../src/engine/profile/profileTable';
import { tempDir } from './tempDir';

/** A cell of a nasty CSV: stray quotes inside fields, quoted fields with delimiters, doubled quotes and line breaks. */
function cell(random: () => number): string {
  const r = random();
  if (r < 0.15) { return '12" pipe'; }
  if (r < 0.25) { return '"a, ""b""\nc"'; }
  if (r < 0.3) { return '"x"y"z'; }
  if (r < 0.35) { return '"\r\nq"'; }
  if (r < 0.4) { return '""'; }
  return String(Math.floor(random() * 1000));
}

describe('cutting a file at a record start', () => {
  it('cuts where the reader sees a record start, whatever the quotes, block boundaries or line ends', async () => {
    const dir = tempDir();
    const random = seededRandom(7);
    let cuts = 0;
    for (let f = 0; f < 12; f++) {
      const lineEnd = f % 3 === 0 ? '\r\n' : '\n';
      const lines = [f % 4 === 0 ? '"id",size,"note"' : 'id,size,note'];
      for (let i = 0; i < 300; i++) { lines.push([cell(random), cell(random), cell(random)].join(',')); }
      const file = path.join(dir, `quotes${f}.csv`);
      writeFileSync(file, (f % 5 === 0 ? '\uFEFF' : '') + lines.join(lineEnd) + lineEnd);
      const whole = await readCsv({ path: file });
      const size = whole.bytes;
      for (const at of [1, Math.floor(size / 3), Math.floor(size / 2), size - 40]) {
        for (const block of [7, 64, 1 << 20]) {
          const split = await findRecordStart(file, at, ',', undefined, block);
          if (split === undefined || split >= size) { continue; }
          assert.ok(split > at, `file ${f}: the cut ${split} is after ${at}`);
          const first = await readCsv({ path: file }, { delimiter: ',', range: { start: 0, end: split, names: [], firstLine: 1 } });
          const second = await readCsv({ path: file }, { delimiter: ',', range: { start: split, end: size, names: whole.names, firstLine: first.lineBreaks + 1 } });
          assert.equal(first.endedInsideQuotes, false, `file ${f}, at ${at}, block ${block}: cut inside quotes at ${split}`);
          assert.equal(first.rows + second.rows, whole.rows, `file ${f}, at ${at}, block ${block}`);
          assert.deepEqual([...first.problems, ...second.problems], whole.problems);
          cuts++;
        }
      }
    }
    assert.ok(cuts > 100, `only ${cuts} cuts were tried`);
  });

  it('profiles a file with a stray quote before a multi-line cell near the middle exactly as one thread does', async () => {
    const file = path.join(tempDir(), 'stray.csv');
    const lines = ['id,size,note', '1,12" pipe,x'];
    for (let i = 0; i < 3000; i++) { lines.push(i === 1500 ? `${i},7,"multi\nline note"` : `${i},${i % 10},plain`); }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const context = { file, sampled: false, startedAt: 0 };
    const single = { ...profileTable(chunkedTable(await readCsv({ path: file })), context), seconds: 0 };
    const parallel = await profileFileInParallel(file, {}, context, 1000);
    assert.deepEqual({ ...parallel, seconds: 0 }, single);
    assert.equal(single.problems.length, 0);
  });
});
