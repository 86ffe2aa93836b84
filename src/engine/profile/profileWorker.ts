import { parentPort } from 'node:worker_threads';
import type { ReadProblem } from '../../shared/profile/types';
import { readCsv } from '../data/csvReader';
import { MissingMarkers } from '../data/missingMarkers';
import type { ChunkedColumn, ColumnChunk } from './chunkedTable';
import { countMissing, runProfileTask } from './profileTasks';
import type { ProfileTask, ProfileTaskResult } from './profileTasks';

// A thread of profileInParallel: it reads one part of a file into columns in shared memory, then
// runs profile tasks on the whole table (every part, shared by the main thread) until terminated.

/** What a worker reads first, if anything: bytes [start, end) of a file, a part that begins at a record. */
export interface PartRequest {
  path: string;
  start: number;
  end: number;
  delimiter: string;
  /** The header's names for a part after the first (every record is data); empty for the first part. */
  names: string[];
  missingMarkers?: string[];
}

/** A part's columns as views on shared memory (posting them shares, never copies, the rows). */
export interface PartColumn extends Omit<ChunkedColumn, 'chunks'> { chunk: ColumnChunk }

/** A worker's part of the file: its columns and the problems, with lines counted from the part's start. */
export interface PartResult {
  rows: number; names: string[]; hasHeader: boolean; columns: PartColumn[]; problems: ReadProblem[]; problemsTruncated: boolean;
  /** Counted here, while the part is the thread's own: one thread would take twice as long for the whole table. */
  rowsWithMissing: number;
  /** Line breaks in the part: the next part's lines start after them. */
  lineBreaks: number;
  /** The part ended inside a quoted field: it was not cut at a record start. */
  endedInsideQuotes: boolean;
}

/** Messages to a worker. */
export type ToWorker =
  | { kind: 'read'; request: PartRequest }
  | { kind: 'table'; rows: number; columns: ChunkedColumn[] }
  | { kind: 'task'; task: ProfileTask };

/** Messages from a worker. */
export type FromWorker =
  | { kind: 'progress'; bytesRead: number; rows: number }
  | { kind: 'part'; part: PartResult }
  | { kind: 'result'; result: ProfileTaskResult }
  | { kind: 'failed'; message: string };

const port = parentPort;
let table: { rows: number; columns: ChunkedColumn[]; scratch: Float64Array } | undefined;

function post(message: FromWorker): void { port?.postMessage(message); }

function failed(err: unknown): void {
  post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
}

async function readPart(request: PartRequest): Promise<void> {
  const read = await readCsv({ path: request.path }, {
    delimiter: request.delimiter,
    missing: request.missingMarkers ? new MissingMarkers(request.missingMarkers) : undefined,
    range: { start: request.start, end: request.end, names: request.names, firstLine: 1 },
    onProgress: (position, _total, rows) => post({ kind: 'progress', bytesRead: position - request.start, rows }),
  });
  const columns = read.columns.map((c): PartColumn => ({
    name: c.name, chunk: c.finish(), dictionary: c.dictionary, numericCount: c.numericCount, textCount: c.textCount,
    missingCount: c.missingCount, allIntegral: c.allIntegral, maxDecimals: c.maxDecimals,
  }));
  const { rowsWithMissing } = countMissing(columns.map((c) => ({ ...c, chunks: [c.chunk] })), read.rows);
  post({ kind: 'part', part: { rows: read.rows, names: read.names, hasHeader: read.hasHeader, columns, problems: read.problems, problemsTruncated: read.problemsTruncated, rowsWithMissing,
    lineBreaks: read.lineBreaks, endedInsideQuotes: read.endedInsideQuotes } });
}

port?.on('message', (message: ToWorker) => {
  try {
    if (message.kind === 'read') {
      readPart(message.request).catch(failed);
    } else if (message.kind === 'table') {
      table = { rows: message.rows, columns: message.columns, scratch: new Float64Array(message.rows) };
    } else if (table) {
      post({ kind: 'result', result: runProfileTask(table.columns, table.rows, message.task, table.scratch) });
    }
  } catch (err) {
    failed(err);
  }
});

