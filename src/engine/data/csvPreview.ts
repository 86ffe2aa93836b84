import { promises as fs } from 'node:fs';
import type { CsvPreview } from '../../shared/protocol/engine';
import { fileError } from '../errors';

// A small reader for the head of a CSV/TSV file: enough for the target dropdown and the
// project checks. The full streaming reader behind profiling lives beside it.

const HEAD_BYTES = 1 << 20;
const DELIMITERS = [',', ';', '\t', '|'];

/** Reads the header and up to maxRows rows of a delimited text file. */
export async function readCsvPreview(file: string, maxRows = 20): Promise<CsvPreview> {
  let bytes: Buffer;
  let atEnd: boolean;
  try {
    const handle = await fs.open(file, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      bytes = buffer.subarray(0, bytesRead);
      atEnd = bytesRead < HEAD_BYTES;
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw fileError(file, err);
  }
  const text = decode(bytes);
  const delimiter = sniffDelimiter(text, file);
  const records = parseRecords(text, delimiter, atEnd);
  const columns = records.shift() ?? [];
  return {
    path: file,
    delimiter,
    columns,
    rows: records.slice(0, maxRows),
    truncated: records.length > maxRows || !atEnd,
  };
}

/** Decodes by byte-order mark: UTF-16 LE/BE when marked, UTF-8 otherwise (BOM dropped). */
export function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) { return new TextDecoder('utf-16le').decode(bytes.subarray(2)); }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) { return new TextDecoder('utf-16be').decode(bytes.subarray(2)); }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return new TextDecoder('utf-8').decode(bytes.subarray(start));
}

/**
 * Picks the delimiter that splits the first lines into the same, largest number of fields.
 * A `.tsv` file prefers tab when tab splits at all.
 */
export function sniffDelimiter(text: string, fileName = ''): string {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.length > 0).slice(0, 30);
  if (/\.tsv$/i.test(fileName) && lines.some((l) => l.includes('\t'))) { return '\t'; }
  let best = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) { continue; }
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent * (first + 1);
    if (score > bestScore) { best = d; bestScore = score; }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') { quoted = !quoted; } else if (ch === delimiter && !quoted) { count++; }
  }
  return count;
}

/**
 * Splits text into RFC 4180 records: quoted fields may hold delimiters, doubled quotes and line
 * breaks; CRLF, LF and CR all end a record. When the text is only the head of a file the last,
 * possibly cut, record is dropped.
 */
export function parseRecords(text: string, delimiter: string, complete: boolean): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    field = '';
    if (!(record.length === 1 && record[0] === '')) { records.push(record); }
    record = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') { quoted = true; }
    else if (ch === delimiter) { record.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') { i++; }
    } else { field += ch; }
    i++;
  }
  if (complete && (field !== '' || record.length > 0)) { endRecord(); }
  return records;
}
