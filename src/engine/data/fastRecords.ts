import type { ColumnBuilder } from './columnBuilder';
import { MISSING_CODE, NUMBER_CODE } from './columnBuilder';
import { HoistedColumns } from './hoistedColumns';
import type { MissingMarkers } from './missingMarkers';
import { POW10 } from './numberParse';
import { finishKeyHash, KEY_PRIME, KEY_SEED } from './textDictionary';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const MINUS = 45;
const POINT = 46;
/**
 * Records per call of the hot loop. Many short calls rather than one long one: the loop is then
 * compiled as a whole with feedback for every path (a loop entered once gets on-stack replacement,
 * whose code is thrown away at the first exit), and room is checked once per batch, not per record.
 */
const BATCH = 4096;

/** Whether the fast reader can split on this delimiter: one ASCII byte that is neither a quote, a line break nor part of a decimal number. */
export function fastDelimiter(delimiter: number): boolean {
  return delimiter < 128 && delimiter !== QUOTE && delimiter !== LF && delimiter !== CR
    && delimiter !== MINUS && delimiter !== POINT && !(delimiter >= 48 && delimiter <= 57);
}

/** The value of the four digits in w (little-endian, first digit lowest; bytes already known to be digits or zero). */
function digitsValue(w: number): number {
  // Pairs of digits, then the two pairs; every step stays below 2^31, so plain int32 arithmetic.
  let d = w & 0x0f0f0f0f;
  d = (Math.imul(d, 10) + (d >> 8)) & 0x00ff00ff;
  return (Math.imul(d, 100) + (d >> 16)) & 0x3fff;
}

/**
 * Reads "simple" records straight into the columns, one pass over the bytes: unquoted fields, as
 * many as the header, ended by a line break inside the buffer. A number of at most 15 digits is
 * parsed while the field is scanned, four digits per 32-bit load, with the arithmetic of
 * parseNumber's fast path (so bit-identical); a cell of a column that has texts is packed into its
 * dictionary key four bytes at a time and looked up; anything else goes through the logic of
 * ColumnBuilder.pushBytes (HoistedColumns.otherCell).
 *
 * A record is written in place at row `length` of every column and only counted once its line
 * break is reached; a record the reader cannot take (a quote at a field start, the wrong number
 * of fields, cut by the end of the buffer, the first text of a column) is undone and left to the
 * generic parser, which gives it its problems and its line.
 */
export class FastRecords {
  /** Records read by the last run. */
  records = 0;
  /** Lines consumed by the last run (records and blank lines). */
  lines = 0;
  /** The last run stopped at a complete record it cannot read (not at the end of the buffer or of maxRecords). */
  stopped = false;
  private readonly state: HoistedColumns;
  private readonly emptyIsMissing: boolean;
  /** The delimiter byte in each of the four bytes of a word, to find it four bytes at a time. */
  private readonly delimiters: number;
  // Results of a batch besides the position: the next row and the lines consumed.
  private row = 0;
  private batchLines = 0;

  constructor(private readonly columns: readonly ColumnBuilder[], private readonly delimiter: number, missing: MissingMarkers) {
    this.state = new HoistedColumns(columns, missing);
    this.emptyIsMissing = missing.isMissing(Buffer.alloc(0), 0, 0);
    this.delimiters = Math.imul(delimiter, 0x01010101);
  }

  /**
   * Reads simple records of buf from pos, at most maxRecords; returns where the first record it
   * did not read starts (sets `records` and `lines`). Every column has `length` rows before and after.
   */
  run(buf: Buffer, pos: number, end: number, maxRecords: number): number {
    this.records = 0;
    this.lines = 0;
    this.stopped = false;
    // Only records ended by a line break in the buffer: then no byte scan below can run past `last`.
    let last = end - 1;
    while (last >= pos && buf[last] !== LF && buf[last] !== CR) { last--; }
    if (last < pos) { return pos; }
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const state = this.state;
    state.load();
    const first = this.columns[0].length;
    const limit = first + maxRecords;
    this.row = first;
    while (pos <= last && this.row < limit && !this.stopped) {
      if (this.row >= state.capacity) { state.grow(this.row); }
      pos = this.batch(buf, view, pos, end, last, Math.min(limit, this.row + BATCH, state.capacity));
      this.lines += this.batchLines;
    }
    state.store(this.row);
    this.records = this.row - first;
    return pos;
  }

  /** Reads records from pos until row `stop`, the buffer's last line break or a record it cannot read. */
  private batch(buf: Buffer, view: DataView, pos: number, end: number, last: number, stop: number): number {
    const state = this.state;
    const lastField = this.columns.length - 1;
    const delimiter = this.delimiter;
    const delimiters = this.delimiters;
    const emptyIsMissing = this.emptyIsMissing;
    const { dictionaries, missingCounts, textCounts, pointLimit, lastText } = state;
    const { numbers, codes } = state;
    let row = this.row;
    let lines = 0;
    let stopped = false;
    records: while (pos <= last && row < stop) {
      let c = buf[pos];
      if (c === LF || c === CR) {
        // A blank line is no record.
        if (c === CR) { if (pos + 1 >= end) { stopped = true; break; } if (buf[pos + 1] === LF) { pos++; } }
        pos++;
        lines++;
        continue;
      }
      let p = pos;
      state.startRecord();
      for (let i = 0; ; i++) {
        const s = p;
        const column = numbers[i];
        const columnCodes = codes[i];
        let isNumber = false;
        if (lastText[i] === 0) {
          // A decimal number: [-] digits [. digits], 1 to 15 digits (a longer one goes to parseNumber).
          c = buf[p];
          let negative = false;
          if (c === MINUS) { negative = true; c = buf[++p]; }
          const from = p;
          let mantissa = 0;
          // Four bytes at a time: a mask of those that are not digits, then the SWAR sum of the digits before the first.
          for (;;) {
            if (p + 4 > end) { c = buf[p]; while (c >= 48 && c <= 57) { mantissa = mantissa * 10 + (c - 48); c = buf[++p]; } break; }
            const w = view.getInt32(p, true);
            const other = ((w & 0xf0f0f0f0) ^ 0x30303030) | (((w + 0x06060606) & 0xf0f0f0f0) ^ 0x30303030);
            if (other === 0) { mantissa = mantissa * 10000 + digitsValue(w); p += 4; continue; }
            const k = (31 - Math.clz32(other & -other)) >> 3;
            if (k > 0) { mantissa = mantissa * POW10[k] + digitsValue(w << ((4 - k) << 3)); p += k; }
            c = buf[p];
            break;
          }
          let digits = p - from;
          let fraction = -1;
          if (c === POINT) {
            const point = ++p;
            for (;;) {
              if (p + 4 > end) { c = buf[p]; while (c >= 48 && c <= 57) { mantissa = mantissa * 10 + (c - 48); c = buf[++p]; } break; }
              const w = view.getInt32(p, true);
              const other = ((w & 0xf0f0f0f0) ^ 0x30303030) | (((w + 0x06060606) & 0xf0f0f0f0) ^ 0x30303030);
              if (other === 0) { mantissa = mantissa * 10000 + digitsValue(w); p += 4; continue; }
              const k = (31 - Math.clz32(other & -other)) >> 3;
              if (k > 0) { mantissa = mantissa * POW10[k] + digitsValue(w << ((4 - k) << 3)); p += k; }
              c = buf[p];
              break;
            }
            fraction = p - point;
            digits += fraction;
          }
          if ((c === delimiter || c === LF || c === CR) && digits > 0 && digits <= 15) {
            const value = fraction <= 0 ? mantissa : mantissa / POW10[fraction];
            column[row] = negative ? -value : value;
            if (columnCodes !== undefined) { columnCodes[row] = NUMBER_CODE; }
            // An integer has fraction -1, never above the limit: a point is news only the first time or with more digits.
            if (fraction > pointLimit[i]) { state.noteNumber(i, false, fraction); }
            isNumber = true;
          }
        }
        if (!isNumber) {
          // Anything else: scan to the field's end, packing the dictionary key on the way if the column has texts.
          p = s;
          if (buf[p] === QUOTE) { state.undo(i, row); stopped = true; break records; }
          let code = -1;
          if (columnCodes === undefined) {
            c = buf[p];
            while (c !== delimiter && c !== LF && c !== CR) { c = buf[++p]; }
          } else {
            const dictionary = dictionaries[i];
            let key = dictionary.key;
            let n = 0;
            let h = KEY_SEED;
            for (;;) {
              if (p + 4 > end) {
                // The last bytes of the buffer: byte by byte, packing the same words.
                let w = 0;
                let shift = 0;
                c = buf[p];
                while (c !== delimiter && c !== LF && c !== CR) {
                  w |= c << shift;
                  shift += 8;
                  if (shift === 32) { if (n === key.length) { key = dictionary.growKey(); } key[n++] = w; h = Math.imul(h ^ w, KEY_PRIME); w = 0; shift = 0; }
                  c = buf[++p];
                }
                if (shift > 0) { if (n === key.length) { key = dictionary.growKey(); } key[n++] = w; h = Math.imul(h ^ w, KEY_PRIME); }
                break;
              }
              const w = view.getInt32(p, true);
              // Bytes equal to the delimiter, LF or CR get their top bit set; the lowest one is exact.
              let x = w ^ delimiters;
              let found = (x - 0x01010101) & ~x;
              x = w ^ 0x0a0a0a0a;
              found |= (x - 0x01010101) & ~x;
              x = w ^ 0x0d0d0d0d;
              found = (found | ((x - 0x01010101) & ~x)) & 0x80808080;
              if (found === 0) {
                if (n === key.length) { key = dictionary.growKey(); }
                key[n++] = w;
                h = Math.imul(h ^ w, KEY_PRIME);
                p += 4;
                continue;
              }
              const before = (31 - Math.clz32(found & -found)) >> 3;
              if (before > 0) {
                const part = w & ((1 << (before << 3)) - 1);
                if (n === key.length) { key = dictionary.growKey(); }
                key[n++] = part;
                h = Math.imul(h ^ part, KEY_PRIME);
                p += before;
              }
              c = buf[p];
              break;
            }
            if (p > s || !emptyIsMissing) { code = dictionary.find(finishKeyHash(h, p - s), p - s); }
          }
          if (code >= 0) {
            // A known text: the dictionary holds no number and no missing marker.
            column[row] = NaN;
            (columnCodes as Int32Array)[row] = code;
            textCounts[i]++;
            lastText[i] = 1;
          } else if (p === s && emptyIsMissing) {
            column[row] = NaN;
            if (columnCodes !== undefined) { columnCodes[row] = MISSING_CODE; }
            missingCounts[i]++;
          } else if (!state.otherCell(buf, s, p, i, row)) {
            state.undo(i, row);
            stopped = true; break records;
          }
        }
        if (c === delimiter) {
          if (i === lastField) { state.undo(i + 1, row); stopped = true; break records; }
          p++;
          continue;
        }
        // A line break: the record must have all its fields, and a CR must not end the buffer (CRLF cut).
        if (i !== lastField || (c === CR && p + 1 >= end)) { state.undo(i + 1, row); stopped = true; break records; }
        p += c === CR && buf[p + 1] === LF ? 2 : 1;
        break;
      }
      if (state.pending > 0) { state.addPending(buf, row); }
      row++;
      lines++;
      pos = p;
    }
    this.row = row;
    this.batchLines = lines;
    this.stopped = stopped;
    return pos;
  }
}
