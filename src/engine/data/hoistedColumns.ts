import type { ColumnBuilder } from './columnBuilder';
import { MISSING_CODE, NUMBER_CODE } from './columnBuilder';
import type { MissingMarkers } from './missingMarkers';
import { parseNumber } from './numberParse';
import type { TextDictionary } from './textDictionary';

/** Code of a new text in its row until the record is complete and the text is added. */
const PENDING_CODE = -3;

/** Bytes after which parseNumber may find a number (spaces, sign, digit, point, inf): others are text at once. */
const MAY_BE_NUMBER = new Uint8Array(256);
for (const b of [32, 43, 45, 46, 73, 105]) { MAY_BE_NUMBER[b] = 1; }
for (let b = 48; b <= 57; b++) { MAY_BE_NUMBER[b] = 1; }

/**
 * The state of a table's columns while FastRecords reads a run of records: the arrays the hot loop
 * writes, the counts and decimals it keeps in typed arrays, and what it must take back when a
 * record turns out not to be simple. Everything rare lives here, in small methods outside the hot
 * loop, so that a change in them never throws away the loop's optimised code.
 */
export class HoistedColumns {
  numbers: Float64Array[];
  codes: (Int32Array | undefined)[];
  /** Rows the arrays hold. */
  capacity: number;
  readonly dictionaries: TextDictionary[];
  /** Missing and text cells per column since the last store (numbers are the rest). */
  readonly missingCounts: Int32Array;
  readonly textCounts: Int32Array;
  /** Per column, the digits after a point above which a number changes maxDecimals or allIntegral: -1 while allIntegral. */
  readonly pointLimit: Float64Array;
  /** Per column, whether its last cell was a text: then a cell is looked up before it is tried as a number. */
  readonly lastText: Uint8Array;
  /** New texts of the current record, added to the dictionaries once the record is complete. */
  pending = 0;
  private readonly maxDecimals: Float64Array;
  private readonly allIntegral: Uint8Array;
  // The current record's changes to maxDecimals and allIntegral: the columns and their old values.
  private changed = 0;
  private readonly changedColumn: Int32Array;
  private readonly oldDecimals: Float64Array;
  private readonly oldIntegral: Uint8Array;
  private readonly pendingColumn: Int32Array;
  private readonly pendingStart: Int32Array;
  private readonly pendingEnd: Int32Array;

  constructor(private readonly columns: readonly ColumnBuilder[], private readonly missing: MissingMarkers) {
    const width = columns.length;
    this.dictionaries = columns.map((c) => c.texts);
    this.missingCounts = new Int32Array(width);
    this.textCounts = new Int32Array(width);
    this.pointLimit = new Float64Array(width);
    this.lastText = new Uint8Array(width);
    this.maxDecimals = new Float64Array(width);
    this.allIntegral = new Uint8Array(width);
    this.changedColumn = new Int32Array(width);
    this.oldDecimals = new Float64Array(width);
    this.oldIntegral = new Uint8Array(width);
    this.pendingColumn = new Int32Array(width);
    this.pendingStart = new Int32Array(width);
    this.pendingEnd = new Int32Array(width);
    this.numbers = columns.map((c) => c.numbers);
    this.codes = columns.map((c) => c.codes);
    this.capacity = Math.min(...this.numbers.map((n) => n.length));
  }

  /** Takes the columns' arrays, decimals and counts at the start of a run. */
  load(): void {
    for (let i = 0; i < this.columns.length; i++) {
      const column = this.columns[i];
      this.maxDecimals[i] = column.maxDecimals;
      this.allIntegral[i] = column.allIntegral ? 1 : 0;
      this.pointLimit[i] = column.allIntegral ? -1 : column.maxDecimals;
    }
    this.missingCounts.fill(0);
    this.textCounts.fill(0);
    this.refresh();
  }

  /** Writes back what the run read up to `row` and doubles the columns' room. */
  grow(row: number): void {
    this.store(row);
    for (const column of this.columns) { column.reserve(column.numbers.length * 2); }
    this.refresh();
  }

  /** Writes the hoisted state back: the columns' lengths, counts and decimals. */
  store(row: number): void {
    for (let i = 0; i < this.columns.length; i++) {
      const column = this.columns[i];
      const missing = this.missingCounts[i];
      const text = this.textCounts[i];
      column.missingCount += missing;
      column.textCount += text;
      column.numericCount += row - column.length - missing - text;
      column.length = row;
      column.maxDecimals = this.maxDecimals[i];
      column.allIntegral = this.allIntegral[i] === 1;
    }
    this.missingCounts.fill(0);
    this.textCounts.fill(0);
  }

  /** Starts a record: nothing to take back yet, no new text. */
  startRecord(): void {
    this.changed = 0;
    this.pending = 0;
  }

  /** Notes a number of column i for allIntegral and maxDecimals, keeping the old values for an undo. */
  noteNumber(i: number, integral: boolean, decimals: number): void {
    const wasIntegral = this.allIntegral[i];
    const isIntegral = integral ? wasIntegral : 0;
    const maxDecimals = Math.max(this.maxDecimals[i], decimals);
    if (isIntegral === wasIntegral && maxDecimals === this.maxDecimals[i]) { return; }
    // A record has one cell per column: each column is logged at most once.
    this.changedColumn[this.changed] = i;
    this.oldDecimals[this.changed] = this.maxDecimals[i];
    this.oldIntegral[this.changed++] = wasIntegral;
    this.allIntegral[i] = isIntegral;
    this.maxDecimals[i] = maxDecimals;
    this.pointLimit[i] = isIntegral === 1 ? -1 : maxDecimals;
  }

  /**
   * A cell that is neither a short decimal nor a known text, as ColumnBuilder.pushBytes reads it:
   * a number (parseNumber), else missing, else a new text (added when the record completes).
   * Returns false for the first text of a column without codes: the generic path makes them.
   */
  otherCell(buf: Buffer, start: number, end: number, i: number, row: number): boolean {
    const column = this.numbers[i];
    const codes = this.codes[i];
    const parsed = MAY_BE_NUMBER[buf[start]] === 1 ? parseNumber(buf, start, end) : undefined;
    if (parsed !== undefined && !Number.isNaN(parsed.value)) {
      column[row] = parsed.value;
      if (codes !== undefined) { codes[row] = NUMBER_CODE; }
      this.lastText[i] = 0;
      this.noteNumber(i, parsed.integral, parsed.decimals);
    } else if (this.missing.isMissing(buf, start, end)) {
      column[row] = NaN;
      if (codes !== undefined) { codes[row] = MISSING_CODE; }
      this.missingCounts[i]++;
    } else if (codes === undefined) {
      return false;
    } else {
      column[row] = NaN;
      codes[row] = PENDING_CODE;
      this.pendingColumn[this.pending] = i;
      this.pendingStart[this.pending] = start;
      this.pendingEnd[this.pending++] = end;
    }
    return true;
  }

  /** Adds the record's new texts to their dictionaries, now that the record is complete. */
  addPending(buf: Buffer, row: number): void {
    for (let k = 0; k < this.pending; k++) {
      const i = this.pendingColumn[k];
      (this.codes[i] as Int32Array)[row] = this.dictionaries[i].codeOf(buf, this.pendingStart[k], this.pendingEnd[k]);
      this.textCounts[i]++;
      this.lastText[i] = 1;
    }
  }

  /** Takes back the current record: the counts of its first `cells` cells and its changes to the decimals. */
  undo(cells: number, row: number): void {
    for (let i = 0; i < cells; i++) {
      if (!Number.isNaN(this.numbers[i][row])) { continue; }
      const code = this.codes[i]?.[row] ?? MISSING_CODE;
      if (code === MISSING_CODE) { this.missingCounts[i]--; } else if (code >= 0) { this.textCounts[i]--; }
    }
    for (let k = 0; k < this.changed; k++) {
      const i = this.changedColumn[k];
      this.maxDecimals[i] = this.oldDecimals[k];
      this.allIntegral[i] = this.oldIntegral[k];
      this.pointLimit[i] = this.oldIntegral[k] === 1 ? -1 : this.oldDecimals[k];
    }
  }

  private refresh(): void {
    this.numbers = this.columns.map((c) => c.numbers);
    this.codes = this.columns.map((c) => c.codes);
    this.capacity = Math.min(...this.numbers.map((n) => n.length));
  }
}
