import { promises as fs } from 'node:fs';
import { fileError } from '../errors';
import { parseRecords } from './csvPreview';
import { readCsv } from './csvReader';
import type { CsvSource, TableData } from './csvReader';
import { MissingMarkers } from './missingMarkers';
import { seededRandom } from '../random';

/** Files up to this size are read whole even for a quick answer: it is quick anyway. */
const READ_WHOLE_BYTES = 16 << 20;
const BLOCKS = 40;
const BLOCK_BYTES = 128 << 10;

export interface Sample { table: TableData; sampled: boolean; note?: string }

/**
 * A quick, representative part of a file at any size: the first rows, plus rows from random
 * places (seeded, so the same file gives the same sample). A block whose rows do not have the
 * header's field count started inside a quoted cell and is dropped.
 */
export async function readCsvSample(source: CsvSource, sampleRows: number, delimiter?: string, missing = new MissingMarkers()): Promise<Sample> {
  const size = source.text !== undefined ? Buffer.byteLength(source.text) : await fileSize(source.path);
  if (size <= READ_WHOLE_BYTES) { return { table: await readCsv(source, { delimiter, missing }), sampled: false }; }
  const headRows = Math.ceil(sampleRows / 2);
  const table = await readCsv(source, { delimiter, maxRows: headRows, missing });
  const width = table.columns.length;
  let added = 0;
  let blocksUsed = 0;
  const random = seededRandom(size);
  const handle = await fs.open(source.path, 'r');
  try {
    for (let b = 0; b < BLOCKS && added < sampleRows - headRows; b++) {
      // Blocks from the part of the file after the head's 8 MiB chunk.
      const position = Math.floor(READ_WHOLE_BYTES / 2 + random() * (size - READ_WHOLE_BYTES / 2 - BLOCK_BYTES));
      const buffer = Buffer.alloc(BLOCK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, BLOCK_BYTES, position);
      const text = buffer.toString('utf8', 0, bytesRead);
      const records = parseRecords(text.slice(text.indexOf('\n') + 1), table.delimiter, false);
      if (records.length === 0 || records.some((r) => r.length !== width)) { continue; }
      blocksUsed++;
      for (const record of records.slice(0, Math.ceil((sampleRows - headRows) / BLOCKS) + 1)) {
        record.forEach((cell, i) => { if (missing.isMissingText(cell)) { table.columns[i].pushMissing(); } else { table.columns[i].pushString(cell); } });
        added++;
      }
    }
  } finally {
    await handle.close();
  }
  table.rows += added;
  return { table, sampled: true, note: `first ${headRows.toLocaleString('en-US')} rows and ${added.toLocaleString('en-US')} rows from ${blocksUsed} random places` };
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await fs.stat(path)).size;
  } catch (err) {
    throw fileError(path, err);
  }
}
