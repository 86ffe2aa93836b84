import { parentPort, workerData } from 'node:worker_threads';
import type { ReadProblem } from '../../shared/profile/types';
import type { ColumnParts } from './columnBuilder';
import { readCsv } from './csvReader';

// A worker thread that reads one part of a file for readCsvParallel and sends its columns back.

/** What the main thread asks a worker to read. */
export interface PartRequest { path: string; start: number; end: number; delimiter: string; names: string[]; firstLine: number }

/** What a worker sends: progress while reading, then its columns. */
export type PartMessage =
  | { kind: 'progress'; bytesRead: number }
  | { kind: 'done'; rows: number; columns: ColumnParts[]; problems: ReadProblem[]; problemsTruncated: boolean }
  | { kind: 'failed'; message: string };

async function run(request: PartRequest): Promise<void> {
  const port = parentPort;
  if (!port) { return; }
  try {
    const table = await readCsv({ path: request.path }, {
      delimiter: request.delimiter,
      range: { start: request.start, end: request.end, names: request.names, firstLine: request.firstLine },
      onProgress: (position) => port.postMessage({ kind: 'progress', bytesRead: position - request.start } satisfies PartMessage),
    });
    const columns = table.columns.map((c) => c.toParts());
    const transfer = columns.flatMap((c) => (c.codes ? [c.numbers.buffer, c.codes.buffer] : [c.numbers.buffer])) as ArrayBuffer[];
    port.postMessage({ kind: 'done', rows: table.rows, columns, problems: table.problems, problemsTruncated: table.problemsTruncated } satisfies PartMessage, transfer);
  } catch (err) {
    port.postMessage({ kind: 'failed', message: err instanceof Error ? err.message : String(err) } satisfies PartMessage);
  }
}

void run(workerData as PartRequest);
