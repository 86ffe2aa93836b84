import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { decode, parseRecords, readCsvPreview, sniffDelimiter } from '../../src/engine/data/csvPreview';
import { ROOT, tempDir } from './tempDir';

describe('CSV preview reader', () => {
  it('reads RFC 4180 quoting: embedded delimiters, doubled quotes and line breaks', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n1,,3\r\n';
    assert.deepEqual(parseRecords(text, ',', true), [['a', 'b', 'c'], ['x, y', 'say "hi"', 'two\nlines'], ['1', '', '3']]);
  });

  it('accepts LF, CRLF and CR line ends and a missing final newline', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      assert.deepEqual(parseRecords(`h1,h2${nl}1,2${nl}3,4`, ',', true), [['h1', 'h2'], ['1', '2'], ['3', '4']], JSON.stringify(nl));
    }
  });

  it('drops the possibly cut last record of a partial read', () => {
    assert.deepEqual(parseRecords('h\n1\n2', ',', false), [['h'], ['1']]);
  });

  it('sniffs the delimiter among , ; tab and |', () => {
    assert.equal(sniffDelimiter('a;b;c\n1;2,5;3\n4;5;6\n'), ';');
    assert.equal(sniffDelimiter('a\tb\n1\t2\n'), '\t');
    assert.equal(sniffDelimiter('a|b|c\n1|2|3\n'), '|');
    assert.equal(sniffDelimiter('name,"x;y"\n1,"2;3"\n'), ',');
    assert.equal(sniffDelimiter('single\n1\n'), ',');
  });

  it('decodes UTF-8 with and without BOM and UTF-16 with BOM', () => {
    const utf8 = Buffer.from('é,b\n', 'utf8');
    assert.equal(decode(utf8), 'é,b\n');
    assert.equal(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])), 'é,b\n');
    assert.equal(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('é,b\n', 'utf16le')])), 'é,b\n');
    const be = Buffer.from('é,b\n', 'utf16le').swap16();
    assert.equal(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), 'é,b\n');
  });

  it('previews a real dataset: header and first rows', async () => {
    const preview = await readCsvPreview(path.join(ROOT, 'samples', 'penguins', 'data', 'penguins.csv'), 2);
    assert.deepEqual(preview.columns, ['Species', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex']);
    assert.deepEqual(preview.rows, [['Adelie', 'Torgersen', '39.1', '18.7', '181.0', '3750.0', 'MALE'], ['Adelie', 'Torgersen', '39.5', '17.4', '186.0', '3800.0', 'FEMALE']]);
    assert.equal(preview.truncated, true);
    assert.equal(preview.delimiter, ',');
  });

  it('reads a TSV file by its extension and reports a missing file by name', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.tsv');
    writeFileSync(file, 'a b\tc\n1\t2\n');
    const preview = await readCsvPreview(file);
    assert.deepEqual(preview.columns, ['a b', 'c']);
    assert.equal(preview.truncated, false);
    await assert.rejects(readCsvPreview(path.join(dir, 'none.csv')), /none\.csv: no such file/);
  });
});
