import { isUtf8 } from 'node:buffer';
import type { ReadProblem, ReadProblemKind } from '../../shared/profile/types';
import { ColumnBuilder } from './columnBuilder';
import { FastRecords, fastDelimiter } from './fastRecords';
import { MissingMarkers } from './missingMarkers';
import { parseNumber } from './numberParse';

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Bytes of a chunk joined to the record carried over from the previous one. */
const JOIN_BYTES = 1 << 16;

export interface ParserOptions {
  delimiter: string;
  missing?: MissingMarkers;
  /** Stop after this many data rows. */
  maxRows?: number;
  /** Problems kept; more are counted as truncated. */
  maxProblems?: number;
  /** Column names known in advance (a later part of a file read in parallel): every record is data. */
  names?: string[];
  /** The 1-based line of the first byte (a later part of a file). */
  firstLine?: number;
  /** Read simple records with the one-pass reader (default); tests turn it off to compare with the generic path. */
  fastPath?: boolean;
}

/**
 * A byte-level RFC 4180 parser fed chunk by chunk. A record is buffered as field offsets until it
 * is complete, so a record cut by a chunk boundary is simply parsed again with the next chunk.
 * Cells go straight into typed columns; problems are collected with their line, never thrown.
 */
export class CsvParser {
  names: string[] = [];
  columns: ColumnBuilder[] = [];
  hasHeader = true;
  rows = 0;
  /** Of the rows, those the fast reader read (the others took the generic path). */
  fastRows = 0;
  readonly problems: ReadProblem[] = [];
  problemsTruncated = false;
  done = false;
  private readonly delimiter: number;
  private readonly missing: MissingMarkers;
  private readonly maxRows: number;
  private readonly maxProblems: number;
  private carry: Buffer | undefined;
  /** 1-based line where the next unparsed byte starts. */
  private line = 1;
  private readonly firstLine: number;
  /** The last record was cut by the end of the input inside a quoted field. */
  endedInsideQuotes = false;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private escaped = new Uint8Array(64);
  private fieldCount = 0;
  private readonly fastAllowed: boolean;
  private fast: FastRecords | undefined;
  /** Lines the fast reader consumed in its last call. */
  private fastLines = 0;
  /** Records left to the generic path before the fast reader is tried again (it keeps failing on this file). */
  private fastSkip = 0;
  private fastMisses = 0;

  constructor(options: ParserOptions) {
    this.delimiter = options.delimiter.charCodeAt(0);
    this.missing = options.missing ?? new MissingMarkers();
    this.maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
    this.maxProblems = options.maxProblems ?? 1000;
    this.line = options.firstLine ?? 1;
    this.firstLine = this.line;
    this.fastAllowed = options.fastPath !== false && fastDelimiter(this.delimiter);
    if (options.names) {
      this.names = options.names;
      this.columns = options.names.map((name) => new ColumnBuilder(name));
    }
  }

  /** Line breaks read so far (the lines of a part read whole, when it ends with one). */
  get lineBreaksRead(): number {
    return this.line - this.firstLine;
  }

  /** Parses a chunk of UTF-8 bytes; `final` on the last one (the end of the file ends the last record). */
  feed(chunk: Buffer, final: boolean): void {
    if (this.done) { return; }
    let buf = chunk;
    const carry = this.carry;
    this.carry = undefined;
    if (carry) {
      // The carried record is joined with the start of the chunk only: copying the whole chunk
      // for it cost more than parsing it. The rest of the chunk is parsed where it lies.
      const head = Math.min(chunk.length, carry.length + JOIN_BYTES);
      const joined = Buffer.concat([carry, chunk.subarray(0, head)]);
      if (head === chunk.length) {
        buf = joined;
      } else {
        const consumed = this.parse(joined, false);
        if (this.done) {
          // As if the chunk had been joined whole: its encoding is checked to its end.
          const whole = Buffer.concat([carry, chunk]);
          if (!isUtf8(whole)) { this.reportBadEncoding(whole, whole.length); }
          return;
        }
        const bad = consumed > 0 && !isUtf8(joined.subarray(0, consumed));
        // Only the first bad byte of a chunk is reported, as when it was one buffer.
        if (bad) { this.reportBadEncoding(joined, consumed); }
        buf = consumed >= carry.length ? chunk.subarray(consumed - carry.length) : Buffer.concat([joined.subarray(consumed), chunk.subarray(head)]);
        this.finishFeed(buf, final, bad);
        return;
      }
    }
    this.finishFeed(buf, final, false);
  }

  /** Parses buf, keeps its incomplete last record for the next chunk and checks its encoding unless a bad byte was already reported. */
  private finishFeed(buf: Buffer, final: boolean, reported: boolean): void {
    const consumed = this.parse(buf, final);
    if (consumed < buf.length && !this.done) {
      if (final) {
        this.endedInsideQuotes = true;
        this.problem(this.line, 'unclosedQuote', 'A quoted field is never closed: the rest of the file was read as one cell.');
      } else {
        this.carry = Buffer.from(buf.subarray(consumed));
      }
    }
    if (!reported && !isUtf8(buf.subarray(0, consumed))) { this.reportBadEncoding(buf, consumed); }
  }

  /** Parses complete records of buf; returns the offset where the first incomplete record starts. */
  private parse(buf: Buffer, final: boolean): number {
    const end = buf.length;
    const delimiter = this.delimiter;
    let recordStart = 0;
    let recordLine = this.line;
    let line = this.line;
    let pos = 0;
    let fieldStart = 0;
    this.fieldCount = 0;
    let tryFast = this.fastAllowed;
    while (pos < end) {
      if (tryFast) {
        tryFast = false;
        pos = this.fastRecords(buf, pos, end);
        line += this.fastLines;
        if (this.done) { this.line = line; return end; }
        recordStart = pos;
        recordLine = line;
        fieldStart = pos;
        if (pos >= end) { break; }
      }
      let b = buf[pos];
      if (b === QUOTE && pos === fieldStart) {
        // Quoted field: find its closing quote, counting the line breaks inside.
        let q = pos + 1;
        let escapes = false;
        for (;;) {
          const next = buf.indexOf(QUOTE, q);
          if (next < 0 || (next === end - 1 && !final)) { this.line = recordLine; return recordStart; }
          line += countLineBreaks(buf, q, next);
          if (buf[next + 1] === QUOTE) { escapes = true; q = next + 2; continue; }
          q = next;
          break;
        }
        this.pushField(pos + 1, q, escapes);
        pos = q + 1;
        // Bytes between the closing quote and the delimiter are dropped (malformed input).
        while (pos < end && buf[pos] !== delimiter && buf[pos] !== LF && buf[pos] !== CR) { pos++; }
        if (pos >= end) {
          if (!final) { this.line = recordLine; return recordStart; }
          this.endRecord(buf, recordLine);
          recordStart = pos;
          break;
        }
        b = buf[pos];
        if (b === delimiter) { pos++; fieldStart = pos; continue; }
      } else {
        while (pos < end) {
          b = buf[pos];
          if (b === delimiter || b === LF || b === CR) { break; }
          pos++;
        }
        if (pos >= end) {
          if (!final) { this.line = recordLine; return recordStart; }
          this.pushField(fieldStart, pos, false);
          this.endRecord(buf, recordLine);
          recordStart = pos;
          break;
        }
        this.pushField(fieldStart, pos, false);
        if (b === delimiter) { pos++; fieldStart = pos; continue; }
      }
      // b is a line break: the record ends.
      if (b === CR && pos + 1 < end && buf[pos + 1] === LF) { pos++; } else if (b === CR && pos + 1 >= end && !final) {
        // A CR at the end of the chunk may be half of CRLF: wait for the next byte.
        this.line = recordLine;
        return recordStart;
      }
      pos++;
      line++;
      this.endRecord(buf, recordLine);
      if (this.done) { this.line = line; return end; }
      recordStart = pos;
      recordLine = line;
      fieldStart = pos;
      this.fieldCount = 0;
      tryFast = this.fastAllowed;
    }
    if (this.fieldCount > 0) {
      // The buffer ended right after a delimiter: the record's last field is still to come.
      if (!final) { this.line = recordLine; return recordStart; }
      this.pushField(end, end, false);
      this.endRecord(buf, recordLine);
    }
    this.line = line;
    return end;
  }

  /** Reads what simple records follow pos with FastRecords; returns where the generic path takes over. */
  private fastRecords(buf: Buffer, pos: number, end: number): number {
    this.fastLines = 0;
    if (this.columns.length === 0) { return pos; }
    if (this.fastSkip > 0) { this.fastSkip--; return pos; }
    this.fast ??= new FastRecords(this.columns, this.delimiter, this.missing);
    const next = this.fast.run(buf, pos, end, this.maxRows - this.rows);
    this.rows += this.fast.records;
    this.fastRows += this.fast.records;
    this.fastLines = this.fast.lines;
    if (this.rows >= this.maxRows) { this.done = true; }
    // A file whose every record needs the generic path should not pay for a failed try each time
    // (a record merely cut by the end of the chunk is no failure).
    if (this.fast.records === 0 && this.fast.lines === 0 && this.fast.stopped) {
      this.fastMisses++;
      this.fastSkip = this.fastMisses < 4 ? 0 : Math.min(1 << (this.fastMisses - 4), 256);
    } else if (this.fast.records > 0) {
      this.fastMisses = 0;
    }
    return next;
  }

  private pushField(start: number, end: number, escaped: boolean): void {
    if (this.fieldCount === this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => { const b = make(a.length * 2); b.set(a); return b; };
      this.starts = grow(this.starts, (n) => new Int32Array(n));
      this.ends = grow(this.ends, (n) => new Int32Array(n));
      this.escaped = grow(this.escaped, (n) => new Uint8Array(n));
    }
    this.starts[this.fieldCount] = start;
    this.ends[this.fieldCount] = end;
    this.escaped[this.fieldCount] = escaped ? 1 : 0;
    this.fieldCount++;
  }

  private endRecord(buf: Buffer, line: number): void {
    const n = this.fieldCount;
    this.fieldCount = 0;
    // A blank line is no record (pandas skips them too).
    if (n === 1 && this.starts[0] === this.ends[0] && (this.starts[0] === 0 || buf[this.starts[0] - 1] !== QUOTE)) { return; }
    if (this.columns.length === 0) { this.startColumns(buf, n); if (this.hasHeader) { return; } }
    const columns = this.columns;
    const width = columns.length;
    if (n !== width) {
      this.problem(line, 'raggedRow', n > width
        ? `Row has ${n} fields, the header has ${width}: the last ${n - width} ignored.`
        : `Row has ${n} fields, the header has ${width}: the missing ${width - n} read as empty.`);
    }
    for (let i = 0; i < width; i++) {
      if (i >= n) { columns[i].pushMissing(); continue; }
      const start = this.starts[i];
      const end = this.ends[i];
      if (this.escaped[i] === 1) {
        const text = buf.toString('utf8', start, end).replace(/""/g, '"');
        if (this.missing.isMissingText(text)) { columns[i].pushMissing(); } else { columns[i].pushString(text); }
      } else {
        columns[i].pushBytes(buf, start, end, this.missing);
      }
    }
    this.rows++;
    if (this.rows >= this.maxRows) { this.done = true; }
  }

  /**
   * The first record is the header unless every cell of it is a number (a file without a header):
   * then columns are named column_1, column_2, ... and the record is data.
   */
  private startColumns(buf: Buffer, n: number): void {
    const cells: string[] = [];
    let numeric = 0;
    for (let i = 0; i < n; i++) {
      const text = buf.toString('utf8', this.starts[i], this.ends[i]);
      cells.push(this.escaped[i] === 1 ? text.replace(/""/g, '"') : text);
      if (!Number.isNaN(parseNumber(buf, this.starts[i], this.ends[i]).value)) { numeric++; }
    }
    this.hasHeader = numeric < n;
    this.names = this.hasHeader ? uniqueNames(cells) : cells.map((_, i) => `column_${i + 1}`);
    this.columns = this.names.map((name) => new ColumnBuilder(name));
  }

  private reportBadEncoding(buf: Buffer, limit: number): void {
    const offset = firstInvalidUtf8(buf, limit);
    if (offset < 0) { return; }
    const before = this.line - countLineBreaks(buf, offset, limit);
    this.problem(before, 'badEncoding', 'Bytes that are not valid UTF-8; they read as \uFFFD. Is the file in another encoding?');
  }

  problem(line: number, kind: ReadProblemKind, message: string): void {
    if (this.problems.length >= this.maxProblems) { this.problemsTruncated = true; return; }
    this.problems.push({ line, kind, message });
  }
}

/** Header names made unique the way pandas does: a repeated "x" becomes "x.1", "x.2", ... ; an empty one "column_N". */
function uniqueNames(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((raw, i) => {
    const name = raw.trim() === '' ? `column_${i + 1}` : raw;
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count === 0 ? name : `${name}.${count}`;
  });
}

function countLineBreaks(buf: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b === LF || (b === CR && buf[i + 1] !== LF)) { n++; }
  }
  return n;
}

/** Offset of the first byte of an invalid UTF-8 sequence before limit, or -1. */
function firstInvalidUtf8(buf: Buffer, limit: number): number {
  let i = 0;
  while (i < limit) {
    const b = buf[i];
    const size = b < 0x80 ? 1 : (b >> 5) === 0x6 ? 2 : (b >> 4) === 0xe ? 3 : (b >> 3) === 0x1e ? 4 : 0;
    if (size === 0 || i + size > limit) { return i; }
    for (let k = 1; k < size; k++) { if ((buf[i + k] >> 6) !== 0x2) { return i; } }
    i += size;
  }
  return -1;
}
