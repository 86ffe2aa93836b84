import { promises as fs } from 'node:fs';
import type { DataProfile, ReadProblem } from '../../shared/profile/types';
import { MISSING_CODE, NUMBER_CODE } from '../data/columnBuilder';
import { readCsv } from '../data/csvReader';
import { findRecordStart } from '../data/fileSplit';
import { fileError } from '../errors';
import type { ChunkedColumn, ChunkedTable } from './chunkedTable';
import { ProfilePool } from './profilePool';
import { assembleProfile, profileTable, profileTasks } from './profileTable';
import type { ProfileContext } from './profileTable';
import type { PartResult } from './profileWorker';

/** Below this size one thread is as quick as starting two. */
export const PARALLEL_MIN_BYTES = 16 << 20;
/** Tables shorter than this profile on one thread: starting threads costs more than it saves. */
const PARALLEL_MIN_ROWS = 100000;
const THREADS = 2;
const MAX_PROBLEMS = 1000;

export interface ParallelProfileOptions {
  delimiter?: string;
  missingMarkers?: string[];
  isCancelled?: () => boolean;
  onProgress?: (bytesRead: number, bytesTotal: number, rows: number) => void;
}

/**
 * The exact profile of a large UTF-8 file on two threads, start to end: each thread reads one half
 * into columns in shared memory, then both share the statistics. The halves are never joined (the
 * profiler reads columns in chunks), so there is no second copy of the table. undefined when
 * the file does not suit (small, UTF-16, no record start near the middle): read it on one thread.
 */
export async function profileFileInParallel(file: string, options: ParallelProfileOptions, context: ProfileContext,
  minBytes = PARALLEL_MIN_BYTES): Promise<DataProfile | undefined> {
  const size = await fs.stat(file).then((s) => s.size, (err: unknown) => { throw fileError(file, err); });
  if (size < minBytes) { return undefined; }
  const pool = new ProfilePool(THREADS, options.isCancelled);
  try {
    if (await isUtf16(file)) { return undefined; }
    const head = await readCsv({ path: file }, { delimiter: options.delimiter, maxRows: 1 });
    const split = await findRecordStart(file, Math.floor(size / 2), head.delimiter, options.isCancelled);
    if (split === undefined || split >= size) { return undefined; }
    const common = { path: file, delimiter: head.delimiter, missingMarkers: options.missingMarkers };
    const requests = [{ ...common, start: 0, end: split, names: [] }, { ...common, start: split, end: size, names: head.names }];
    const parts = await pool.readParts(requests, (bytes, rows) => options.onProgress?.(bytes, size, rows));
    // Insurance: the cut must be where the reader itself sees a record start.
    if (parts[0].endedInsideQuotes) { return undefined; }
    const table = joinParts(parts, head.delimiter, size);
    table.problems = numberLines(parts);
    const results = await pool.runTasks(table.rows, table.columns, profileTasks(table));
    return assembleProfile(table, context, results);
  } finally {
    pool.dispose();
  }
}

/** The profile of a table already in memory, its statistics shared by two threads when it is long enough to gain. */
export async function profileTableInParallel(table: ChunkedTable, context: ProfileContext, minRows = PARALLEL_MIN_ROWS,
  isCancelled?: () => boolean): Promise<DataProfile> {
  if (table.rows < minRows) { return profileTable(table, context); }
  const pool = new ProfilePool(THREADS, isCancelled);
  try {
    return assembleProfile(table, context, await pool.runTasks(table.rows, table.columns, profileTasks(table)));
  } finally {
    pool.dispose();
  }
}

async function isUtf16(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const bom = Buffer.alloc(2);
    await handle.read(bom, 0, 2, 0);
    return (bom[0] === 0xff && bom[1] === 0xfe) || (bom[0] === 0xfe && bom[1] === 0xff);
  } finally {
    await handle.close();
  }
}

/**
 * The parts as one chunked table. A later part's text codes are renumbered into the first part's
 * dictionary (in place: the part is ours now), so codes mean the same in every chunk.
 */
function joinParts(parts: PartResult[], delimiter: string, bytes: number): ChunkedTable {
  const [first] = parts;
  const columns = first.columns.map((column, c): ChunkedColumn => {
    const dictionary = [...column.dictionary];
    const index = new Map(dictionary.map((text, code) => [text, code]));
    const joined: ChunkedColumn = { ...column, dictionary, chunks: [column.chunk] };
    for (const part of parts.slice(1)) {
      const piece = part.columns[c];
      const remap = Int32Array.from(piece.dictionary, (text) => {
        let code = index.get(text);
        if (code === undefined) { code = dictionary.length; dictionary.push(text); index.set(text, code); }
        return code;
      });
      const codes = piece.chunk.codes;
      if (codes) { for (let i = 0; i < codes.length; i++) { if (codes[i] >= 0) { codes[i] = remap[codes[i]]; } } }
      joined.chunks.push(piece.chunk);
      joined.numericCount += piece.numericCount;
      joined.textCount += piece.textCount;
      joined.missingCount += piece.missingCount;
      joined.allIntegral &&= piece.allIntegral;
      joined.maxDecimals = Math.max(joined.maxDecimals, piece.maxDecimals);
    }
    // Every chunk has codes once any has: the profiler reads a column's codes chunk by chunk.
    if (joined.chunks.some((k) => k.codes !== undefined)) { joined.chunks = joined.chunks.map((k) => withCodes(k, true)); }
    return joined;
  });
  const rows = parts.reduce((n, p) => n + p.rows, 0);
  const problemCount = parts.reduce((n, p) => n + p.problems.length, 0);
  return {
    names: first.names, columns, rows, delimiter, bytes, problems: [], problemsTruncated: parts.some((p) => p.problemsTruncated) || problemCount > MAX_PROBLEMS,
    rowsWithMissing: parts.reduce((n, p) => n + p.rowsWithMissing, 0),
  };
}

function withCodes(chunk: ChunkedColumn['chunks'][number], needed: boolean): ChunkedColumn['chunks'][number] {
  if (!needed || chunk.codes) { return chunk; }
  // Shared, like the reader's columns: the workers read it without a copy.
  const codes = new Int32Array(new SharedArrayBuffer(chunk.numbers.length * 4));
  for (let i = 0; i < codes.length; i++) { codes[i] = chunk.numbers[i] === chunk.numbers[i] ? NUMBER_CODE : MISSING_CODE; }
  return { numbers: chunk.numbers, codes };
}

/** The parts' problems with lines counted from the file's start (a later part counted its own from 1). */
function numberLines(parts: PartResult[]): ReadProblem[] {
  const [first, second] = parts;
  return [...first.problems, ...second.problems.map((p) => ({ ...p, line: p.line + first.lineBreaks }))].slice(0, MAX_PROBLEMS);
}
