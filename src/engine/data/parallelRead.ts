import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReadProblem } from '../../shared/profile/types';
import { fileError } from '../errors';
import { ColumnBuilder } from './columnBuilder';
import type { ColumnParts } from './columnBuilder';
import { CancelledError, readCsv } from './csvReader';
import type { ReadOptions, TableData } from './csvReader';
import type { PartMessage, PartRequest } from './readWorker';

/** Below this size one thread is as fast as starting two. */
const PARALLEL_MIN_BYTES = 32 << 20;
const SCAN_BYTES = 8 << 20;

/**
 * Reads a large UTF-8 file in two halves on two worker threads, then joins the columns. The split
 * is at a line break outside quotes (found by counting quote bytes from the start), so each half
 * starts at a record. Small files, UTF-16 files and capped reads use the single-thread reader.
 */
export async function readCsvParallel(file: string, options: ReadOptions = {}, parallelMinBytes = PARALLEL_MIN_BYTES): Promise<TableData> {
  const size = await fs.stat(file).then((s) => s.size, (err: unknown) => { throw fileError(file, err); });
  // Custom missing markers stay on one thread (they would have to cross to the workers).
  if (size < parallelMinBytes || options.maxRows !== undefined || options.missing !== undefined) { return readCsv({ path: file }, options); }
  const head = await readCsv({ path: file }, { delimiter: options.delimiter, maxRows: 1 });
  const handle = await fs.open(file, 'r');
  let split: { offset: number; linesBefore: number } | undefined;
  try {
    const bom = Buffer.alloc(2);
    await handle.read(bom, 0, 2, 0);
    if ((bom[0] === 0xff && bom[1] === 0xfe) || (bom[0] === 0xfe && bom[1] === 0xff)) { return readCsv({ path: file }, options); }
    split = await findSplit(handle, size);
  } finally {
    await handle.close();
  }
  if (!split) { return readCsv({ path: file }, options); }
  const requests: PartRequest[] = [
    { path: file, start: 0, end: split.offset, delimiter: head.delimiter, names: [], firstLine: 1 },
    { path: file, start: split.offset, end: size, delimiter: head.delimiter, names: head.names, firstLine: split.linesBefore + 1 },
  ];
  const progress = [0, 0];
  const parts = await Promise.all(requests.map((request, i) => readPart(request, options, (bytes) => {
    progress[i] = bytes;
    options.onProgress?.(progress[0] + progress[1], size, 0);
  })));
  if (!head.hasHeader && parts[0].columns.length !== head.names.length) { throw new Error('the two halves disagree on the columns'); }
  const columns = head.names.map((_, c) => ColumnBuilder.concat(parts.map((p) => p.columns[c])));
  const problems = parts.flatMap((p) => p.problems);
  return {
    names: head.names, columns, rows: parts[0].rows + parts[1].rows, hasHeader: head.hasHeader, delimiter: head.delimiter, bytes: size,
    problems: problems.slice(0, 1000), problemsTruncated: parts.some((p) => p.problemsTruncated) || problems.length > 1000,
  };
}

/** The first line break after the middle of the file that lies outside quotes, and the lines before it. */
async function findSplit(handle: fs.FileHandle, size: number): Promise<{ offset: number; linesBefore: number } | undefined> {
  const middle = Math.floor(size / 2);
  const buffer = Buffer.allocUnsafe(SCAN_BYTES);
  let quoted = false;
  let lines = 0;
  for (let position = 0; position < size;) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(SCAN_BYTES, size - position), position);
    if (bytesRead === 0) { break; }
    for (let i = 0; i < bytesRead; i++) {
      const b = buffer[i];
      if (b === 34) { quoted = !quoted; } else if (b === 10 && !quoted) {
        lines++;
        if (position + i >= middle) { return { offset: position + i + 1, linesBefore: lines }; }
      } else if (b === 10) {
        lines++;
      }
    }
    position += bytesRead;
  }
  return undefined;
}

interface Part { rows: number; columns: ColumnParts[]; problems: ReadProblem[]; problemsTruncated: boolean }

function readPart(request: PartRequest, options: ReadOptions, onProgress: (bytes: number) => void): Promise<Part> {
  return new Promise((resolve, reject) => {
    // Beside this file: dist/readWorker.js in the bundles, out/src/engine/data/readWorker.js in tests.
    const worker = new Worker(path.join(__dirname, 'readWorker.js'), { workerData: request });
    const poll = setInterval(() => {
      if (options.isCancelled?.()) { void worker.terminate(); clearInterval(poll); reject(new CancelledError()); }
    }, 50);
    const finish = () => { clearInterval(poll); void worker.terminate(); };
    worker.on('message', (message: PartMessage) => {
      if (message.kind === 'progress') { onProgress(message.bytesRead); return; }
      finish();
      if (message.kind === 'failed') { reject(new Error(message.message)); return; }
      resolve({ rows: message.rows, columns: message.columns, problems: message.problems, problemsTruncated: message.problemsTruncated });
    });
    worker.on('error', (err) => { finish(); reject(err); });
  });
}
