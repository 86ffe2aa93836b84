import type { MissingMarkers } from './missingMarkers';
import { parseNumber } from './numberParse';
import { TextDictionary } from './textDictionary';

// Columns live in shared memory so that the profiler's worker thread reads them without a copy.
function sharedFloat64(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(n * 8));
}

function sharedInt32(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(n * 4));
}

/** A column as plain data, for passing between threads. */
export interface ColumnParts {
  name: string;
  numbers: Float64Array;
  codes: Int32Array | undefined;
  dictionary: string[];
  numericCount: number;
  textCount: number;
  missingCount: number;
  allIntegral: boolean;
  maxDecimals: number;
}

/** Code of a cell in `codes` that holds a number (its value is in `numbers`). */
export const NUMBER_CODE = -2;
/** Code of a missing cell. */
export const MISSING_CODE = -1;

/**
 * One column as it is read: numbers go to a Float64Array (NaN where the cell is missing or not a
 * number); other text is dictionary-encoded (each distinct string stored once, an Int32Array of
 * codes per row). A purely numeric column never allocates the codes array.
 */
export class ColumnBuilder {
  numbers = sharedFloat64(1024);
  /** Per-row dictionary code, MISSING_CODE or NUMBER_CODE; only once a non-numeric text appears. */
  codes: Int32Array | undefined;
  /** The distinct texts; the fast record reader looks cells up here directly. */
  readonly texts = new TextDictionary();
  length = 0;
  numericCount = 0;
  textCount = 0;
  missingCount = 0;
  /** Every number so far was written as an integer. */
  allIntegral = true;
  /**
   * The most digits after the decimal point among the numbers ("3.10" counts 2, "7" 0); Infinity
   * once a number had an exponent or more than 15 digits, or came from a rebuilt text. Never less
   * than the truth, so value * 10^maxDecimals is an integer for every number of the column.
   */
  maxDecimals = 0;

  constructor(readonly name: string) {}

  /** The distinct texts, by code. */
  get dictionary(): readonly string[] {
    return this.texts.values;
  }

  /** Appends a missing cell. */
  pushMissing(): void {
    this.ensureCapacity();
    this.numbers[this.length] = NaN;
    if (this.codes) { this.codes[this.length] = MISSING_CODE; }
    this.length++;
    this.missingCount++;
  }

  /**
   * Appends a cell from raw bytes (unquoted, or quoted without escapes): a number if it parses as
   * one, else missing if it is a marker, else text. Numbers are tried first because they are the
   * common case and no missing marker parses as a number.
   */
  pushBytes(bytes: Buffer, start: number, end: number, missing: MissingMarkers): void {
    const parsed = parseNumber(bytes, start, end);
    if (!Number.isNaN(parsed.value)) {
      this.pushNumber(parsed.value, parsed.integral, parsed.decimals);
    } else if (missing.isMissing(bytes, start, end)) {
      this.pushMissing();
    } else {
      this.pushCode(this.texts.codeOf(bytes, start, end));
    }
  }

  /** Appends a cell whose text had to be rebuilt (doubled quotes). */
  pushString(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    const parsed = parseNumber(bytes, 0, bytes.length);
    // Decimals are not tracked here: in doubt, Infinity.
    if (!Number.isNaN(parsed.value)) { this.pushNumber(parsed.value, parsed.integral, Number.POSITIVE_INFINITY); } else { this.pushText(text); }
  }

  private pushNumber(value: number, integral: boolean, decimals: number): void {
    this.ensureCapacity();
    this.numbers[this.length] = value;
    if (this.codes) { this.codes[this.length] = NUMBER_CODE; }
    this.length++;
    this.numericCount++;
    if (!integral) { this.allIntegral = false; }
    if (decimals > this.maxDecimals) { this.maxDecimals = decimals; }
  }

  private pushText(text: string): void {
    this.pushCode(this.texts.codeOfText(text));
  }

  private pushCode(code: number): void {
    this.ensureCapacity();
    if (!this.codes) {
      // First text in this column: earlier rows were numbers or missing.
      this.codes = sharedInt32(this.numbers.length);
      for (let i = 0; i < this.length; i++) { this.codes[i] = Number.isNaN(this.numbers[i]) ? MISSING_CODE : NUMBER_CODE; }
    }
    this.numbers[this.length] = NaN;
    this.codes[this.length] = code;
    this.length++;
    this.textCount++;
  }

  /** Rows the column has room for without growing. */
  get capacity(): number {
    return this.numbers.length;
  }

  /** Makes room for n rows at once: growing by doubling leaves garbage behind, which counts at a million rows. */
  reserve(n: number): void {
    if (n > this.numbers.length) { this.grow(n); }
  }

  private ensureCapacity(): void {
    if (this.length < this.numbers.length) { return; }
    this.grow(this.numbers.length * 2);
  }

  private grow(size: number): void {
    const numbers = sharedFloat64(size);
    numbers.set(this.numbers);
    this.numbers = numbers;
    if (this.codes) {
      const codes = sharedInt32(size);
      codes.set(this.codes);
      this.codes = codes;
    }
  }

  /** A column's content in transferable form (typed arrays and the dictionary), to cross threads. */
  toParts(): ColumnParts {
    const { numbers, codes } = this.finish();
    return {
      name: this.name, numbers: numbers.slice(), codes: codes?.slice(), dictionary: [...this.dictionary],
      numericCount: this.numericCount, textCount: this.textCount, missingCount: this.missingCount, allIntegral: this.allIntegral,
      maxDecimals: this.maxDecimals,
    };
  }

  /** One column from the parts of a file read in pieces, in file order; text codes are renumbered into one dictionary. */
  static concat(parts: readonly ColumnParts[]): ColumnBuilder {
    const column = new ColumnBuilder(parts[0].name);
    const length = parts.reduce((n, p) => n + p.numbers.length, 0);
    column.numbers = sharedFloat64(Math.max(length, 1));
    const anyText = parts.some((p) => p.codes !== undefined);
    if (anyText) { column.codes = sharedInt32(Math.max(length, 1)); }
    let offset = 0;
    for (const part of parts) {
      column.numbers.set(part.numbers, offset);
      if (column.codes) {
        const remap = part.dictionary.map((text) => column.texts.codeOfText(text));
        for (let i = 0; i < part.numbers.length; i++) {
          const c = part.codes ? part.codes[i] : Number.isNaN(part.numbers[i]) ? MISSING_CODE : NUMBER_CODE;
          column.codes[offset + i] = c >= 0 ? remap[c] : c;
        }
      }
      offset += part.numbers.length;
      column.numericCount += part.numericCount;
      column.textCount += part.textCount;
      column.missingCount += part.missingCount;
      column.allIntegral &&= part.allIntegral;
      column.maxDecimals = Math.max(column.maxDecimals, part.maxDecimals);
    }
    column.length = length;
    return column;
  }

  /** The values trimmed to the rows read. */
  finish(): { numbers: Float64Array; codes: Int32Array | undefined } {
    return { numbers: this.numbers.subarray(0, this.length), codes: this.codes?.subarray(0, this.length) };
  }
}
