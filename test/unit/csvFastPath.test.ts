import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ColumnBuilder, MISSING_CODE, NUMBER_CODE } from '../../src/engine/data/columnBuilder';
import { CsvParser } from '../../src/engine/data/csvParser';
import { MissingMarkers, PANDAS_MISSING_MARKERS } from '../../src/engine/data/missingMarkers';
import { TextDictionary } from '../../src/engine/data/textDictionary';
import { randomInt, seededRandom } from '../../src/engine/random';

interface ParseOptions { chunk?: number; fastPath?: boolean; missing?: MissingMarkers; maxRows?: number }

/** The parser after feeding it bytes whole or in chunks of `chunk` bytes. */
function parse(bytes: Buffer, options: ParseOptions = {}): CsvParser {
  const parser = new CsvParser({ delimiter: ',', fastPath: options.fastPath, missing: options.missing, maxRows: options.maxRows });
  const size = options.chunk ?? Math.max(bytes.length, 1);
  for (let at = 0; ; at += size) {
    const final = at + size >= bytes.length;
    parser.feed(Buffer.from(bytes.subarray(at, at + size)), final);
    if (final || parser.done) { return parser; }
  }
}

/** Everything a parse produced, numbers as their bit patterns, in a form deepEqual compares exactly. */
function snapshot(parser: CsvParser): unknown {
  return {
    names: parser.names, rows: parser.rows, hasHeader: parser.hasHeader, problems: parser.problems, truncated: parser.problemsTruncated,
    columns: parser.columns.map((c) => {
      const { numbers, codes } = c.finish();
      return {
        length: c.length, bits: Array.from(new Uint32Array(Float64Array.from(numbers).buffer)), codes: codes ? Array.from(codes) : undefined,
        dictionary: [...c.dictionary], numeric: c.numericCount, text: c.textCount, missing: c.missingCount, allIntegral: c.allIntegral, maxDecimals: c.maxDecimals,
      };
    }),
  };
}

// Cells of every form the reader meets. Numbers: fast-path decimals and every form that needs parseNumber's slow path.
const NUMBERS = ['0', '42', '-7', '007', '-0', '3.25', '-0.5', '1.50', '.5', '5.', '-.25', '0.000', '123456.789012', '999999999999999',
  '1234567890123456', '12345678901234567890', '0.1234567890123456', '000000000000000012.5', '1e5', '2.5E-3', '-1e+2', 'inf', '-inf',
  'Infinity', '+inf', '+1', '+0.5', ' 3', '4 ', ' 5.5 ', '1.', '-9.75'];
const TEXTS = ['a', 'abc', 'user_12', 'region_007', 'naïve', '-', '.', '1.2.3', '2nd', 'e5', '--1', 'nan2', 'yes', 'no', 'a long text of words'];
const MARKERS = ['', 'NA', 'null', 'NaN', '#N/A', '-nan', 'None', 'n/a'];

interface Cell { text: string; quoted: boolean }

/** A random cell: mostly the column's flavour (numbers, texts or a mix), sometimes missing or quoted. */
function randomCell(random: () => number, flavour: number): Cell {
  const r = random();
  const pick = (list: string[]) => list[randomInt(random, list.length)];
  let text: string;
  if (r < 0.08) { text = pick(MARKERS); } else if (flavour === 0 || (flavour === 2 && r < 0.6)) { text = pick(NUMBERS); } else { text = pick(TEXTS); }
  if (random() < 0.05) { text = pick(['x,y', 'say "hi"', 'two\nlines', 'cr\rhere', '3.5', '', 'NA']); return { text, quoted: true }; }
  if (flavour !== 1 && random() < 0.3) {
    // A random decimal of 1 to 17 digits: divisions by powers of ten must round exactly as Number() does.
    const digits = (n: number) => Array.from({ length: n }, () => randomInt(random, 10)).join('');
    text = `${random() < 0.3 ? '-' : ''}${digits(1 + randomInt(random, 9))}${random() < 0.7 ? `.${digits(randomInt(random, 9))}` : ''}`;
  }
  return { text, quoted: false };
}

interface RandomCsv { bytes: Buffer; records: Cell[][]; width: number; clean: boolean }

/** A seeded random CSV: header h0..hN, ragged rows, blank lines, LF/CRLF/CR, sometimes a bad byte or an unclosed quote. */
function randomCsv(seed: number): RandomCsv {
  const random = seededRandom(seed);
  const width = 1 + randomInt(random, 6);
  const flavours = Array.from({ length: width }, () => randomInt(random, 3));
  const breaks = [['\n'], ['\r\n'], ['\r'], ['\n', '\r\n', '\r']][randomInt(random, 4)];
  const parts: Buffer[] = [Buffer.from(Array.from({ length: width }, (_, i) => `h${i}`).join(',') + breaks[0])];
  const records: Cell[][] = [];
  let clean = true;
  for (let r = 0, n = randomInt(random, 60); r < n; r++) {
    if (random() < 0.05) { parts.push(Buffer.from(breaks[randomInt(random, breaks.length)])); continue; }
    const count = random() < 0.08 ? Math.max(1, width + randomInt(random, 3) - 1) : width;
    const cells = Array.from({ length: count }, (_, i) => randomCell(random, flavours[i % width]));
    // A record of one empty unquoted cell is a blank line, not a record.
    if (count === 1 && cells[0].text === '' && !cells[0].quoted) { cells[0] = { text: 'a', quoted: false }; }
    records.push(cells);
    parts.push(Buffer.from(cells.map((c) => (c.quoted ? `"${c.text.replace(/"/g, '""')}"` : c.text)).join(',')));
    if (random() < 0.02) { parts.push(Buffer.from([0xff])); clean = false; }
    if (r < n - 1 || random() < 0.7) { parts.push(Buffer.from(breaks[randomInt(random, breaks.length)])); }
  }
  if (random() < 0.05) { parts.push(Buffer.from('\n"open,1\n2,3')); clean = false; }
  return { bytes: Buffer.concat(parts), records, width, clean };
}

/** What the reader must make of a cell, independently of it: missing, a number (pandas' forms) or the text. */
function expectedCell(cell: Cell, markers: ReadonlySet<string>): number | string | null {
  const escaped = cell.quoted && cell.text.includes('"');
  if (!escaped && markers.has(cell.text)) { return null; }
  if (escaped) { return markers.has(cell.text) ? null : cell.text; }
  const t = cell.text.trim();
  if (/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|infinity)$/i.test(t)) { return Number(t.replace(/inf(inity)?$/i, 'Infinity')); }
  return cell.text;
}

/** The digits after the point of a number cell as the reader counts them: Infinity for exponents, inf and more than 15 significant digits. */
function expectedDecimals(text: string): number {
  const t = text.trim().replace(/^[+-]/, '');
  if (/[eEiI]/.test(t)) { return Number.POSITIVE_INFINITY; }
  const [whole, fraction = ''] = t.split('.');
  return whole.replace(/^0+/, '').length + fraction.length > 15 ? Number.POSITIVE_INFINITY : fraction.length;
}

/** Whether a number cell counts as written as an integer (no point or exponent, and exact). */
function expectedIntegral(text: string): boolean {
  const t = text.trim();
  return /^[+-]?\d+$/.test(t) && (t.replace(/^[+-]?0*/, '').length <= 15 || Number.isSafeInteger(Number(t)));
}

describe('CSV fast path', () => {
  it('reads 300 seeded random CSVs exactly as the generic path, whole and in 7- and 1-byte chunks', () => {
    const rows: Record<string, number> = { total: 0, whole: 0, 7: 0, 1: 0 };
    for (let seed = 1; seed <= 300; seed++) {
      const { bytes, clean } = randomCsv(seed);
      const missing = seed % 4 === 0 ? new MissingMarkers(['NA', 'x']) : undefined;
      const whole = snapshot(parse(bytes, { fastPath: false, missing }));
      for (const chunk of [undefined, 7, 1]) {
        // Bad bytes are reported once per chunk fed, so the generic path is read in the same chunks.
        const reference = clean ? whole : snapshot(parse(bytes, { chunk, fastPath: false, missing }));
        const parser = parse(bytes, { chunk, missing });
        assert.deepEqual(snapshot(parser), reference, `seed ${seed}, chunk ${chunk ?? 'whole'}`);
        rows[String(chunk ?? 'whole')] += parser.fastRows;
        if (chunk === undefined) { rows.total += parser.rows; }
      }
      // Same chunks: a read stopped by maxRows checks the encoding of what it was fed, not of the whole file.
      for (const chunk of [undefined, 3]) {
        const capped = snapshot(parse(bytes, { chunk, fastPath: false, maxRows: 5 }));
        assert.deepEqual(snapshot(parse(bytes, { chunk, maxRows: 5 })), capped, `seed ${seed}, maxRows, chunk ${chunk ?? 'whole'}`);
      }
    }
    // The comparison means something only if the fast reader read most rows, in small chunks too.
    assert.ok(rows.whole > 0.6 * rows.total && rows[7] > 0.4 * rows.total && rows[1] > 0.4 * rows.total, JSON.stringify(rows));
  });

  it('gives every cell of the random CSVs the value pandas would: Number(text), missing or the text', () => {
    let checked = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { bytes, records, width, clean } = randomCsv(seed);
      if (!clean) { continue; }
      const markers = new Set(PANDAS_MISSING_MARKERS);
      const parser = parse(bytes, { chunk: seed % 2 === 0 ? 64 : undefined });
      assert.equal(parser.rows, records.length, `seed ${seed}`);
      for (let c = 0; c < width; c++) {
        const column = parser.columns[c];
        const { numbers, codes } = column.finish();
        const cells = records.map((r) => r[c] ?? { text: '', quoted: false });
        let decimals = 0;
        let integral = true;
        cells.forEach((cell, row) => {
          const want = expectedCell(cell, markers);
          const where = `seed ${seed} row ${row} column ${c} ${JSON.stringify(cell)}`;
          if (typeof want === 'number') {
            assert.ok(Object.is(numbers[row], want), `${where}: ${numbers[row]} is not ${want}`);
            assert.ok(codes === undefined || codes[row] === NUMBER_CODE, where);
            decimals = Math.max(decimals, expectedDecimals(cell.text));
            integral &&= expectedIntegral(cell.text);
          } else {
            assert.ok(Number.isNaN(numbers[row]), where);
            const got = codes === undefined || codes[row] === MISSING_CODE ? null : column.dictionary[codes[row]];
            assert.equal(got, want, where);
          }
          checked++;
        });
        assert.equal(column.maxDecimals, decimals, `seed ${seed} column ${c} maxDecimals`);
        assert.equal(column.allIntegral, integral, `seed ${seed} column ${c} allIntegral`);
      }
    }
    assert.ok(checked > 10000, `only ${checked} cells checked`);
  });

  it('counts maxDecimals: "1.50" is 2, "7" is 0, "1e3" Infinity, "0.125" with "3" is 3; parts join by the max', () => {
    const table = parse(Buffer.from('a,b,c,d,e,f\n1.50,7,1e3,0.125,NA,-2.5\n1.5,8,2,3,x,12345678901234567\n'));
    assert.deepEqual(table.columns.map((c) => c.maxDecimals), [2, 0, Number.POSITIVE_INFINITY, 3, 0, Number.POSITIVE_INFINITY]);
    assert.deepEqual(table.columns.map((c) => c.allIntegral), [false, true, false, false, true, false]);
    const parts = [parse(Buffer.from('v\n1.5\n')), parse(Buffer.from('v\n2.125\n')), parse(Buffer.from('v\n3\n'))].map((p) => p.columns[0].toParts());
    assert.deepEqual(parts.map((p) => p.maxDecimals), [1, 3, 0]);
    assert.equal(ColumnBuilder.concat(parts).maxDecimals, 3);
    // A last record left unread (its quote never closes) does not count, though its first cells were numbers.
    for (const fastPath of [true, false]) {
      const cut = parse(Buffer.from('a,b,c\n1,2,x\n3.25,1e5,"open\n'), { fastPath });
      assert.deepEqual(cut.problems.map((p) => p.kind), ['unclosedQuote']);
      assert.deepEqual(cut.columns.map((c) => [c.maxDecimals, c.allIntegral, c.length]), [[0, true, 1], [0, true, 1], [0, true, 1]]);
    }
  });

  it('keeps texts apart that share a 32-bit hash, differ only by trailing NUL bytes, or are empty', () => {
    // Find two texts with the same hash by brute force (the birthday bound makes it quick).
    const probe = new TextDictionary();
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const text = `t${i}`;
      const bytes = Buffer.from(text);
      const h = probe.pack(bytes, 0, bytes.length);
      const other = seen.get(h);
      if (other !== undefined) { pair = [other, text]; } else { seen.set(h, text); }
    }
    const texts = [...pair, 'a', 'a\u0000', 'a\u0000\u0000', '', 'abcd', 'abcd\u0000', 'abcde', ...pair, 'a', ''];
    const dictionary = new TextDictionary();
    const codes = texts.map((t) => dictionary.codeOfText(t));
    assert.deepEqual(codes, [0, 1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 5]);
    assert.deepEqual(dictionary.values, texts.slice(0, 9));
    // Many texts: the table grows and rehashes; every text keeps its code.
    const many = Array.from({ length: 5000 }, (_, i) => `value ${i * 7919}`);
    const big = new TextDictionary();
    many.forEach((t, i) => assert.equal(big.codeOfText(t), i));
    many.forEach((t, i) => assert.equal(big.codeOfText(t), i));
  });

  it('reads big chunks that cut a record or a 100 KB quoted field, reporting each bad byte on its line', () => {
    const lines = ['id,note,value'];
    const badLines: number[] = [];
    // Bad bytes 15,000 lines (about 250 KB) apart: no chunk holds two, so each is reported.
    for (let i = 1; i <= 60000; i++) {
      if (i === 3000) { lines.push(`${i},"${'long field, '.repeat(9000)}",1.5`); continue; }
      if (i % 15000 === 0) { lines.push(`${i},caf\u0000,2`); badLines.push(lines.length); continue; }
      lines.push(`${i},${['red', 'green', 'blue'][i % 3]},${(i * 0.37).toFixed(2)}`);
    }
    // \u0000 is a placeholder for a byte that is not UTF-8.
    const bytes = Buffer.from(`${lines.join('\n')}\n`.replace(/\u0000/g, '\u00e9'), 'latin1');
    const whole = parse(bytes);
    assert.deepEqual(whole.problems.map((p) => [p.line, p.kind]), [[badLines[0], 'badEncoding']]);
    for (const fastPath of [true, false]) {
      for (const chunk of [70001, 100003, 150000]) {
        const parser = parse(bytes, { chunk, fastPath });
        assert.deepEqual(parser.problems.map((p) => [p.line, p.kind]), badLines.map((l) => [l, 'badEncoding']), `chunk ${chunk}`);
        assert.deepEqual({ ...snapshot(parser) as object, problems: [] }, { ...snapshot(whole) as object, problems: [] }, `chunk ${chunk} fastPath ${fastPath}`);
      }
    }
    assert.equal(whole.rows, 60000);
    assert.equal(whole.columns[1].dictionary.length, 5);
  });
});
