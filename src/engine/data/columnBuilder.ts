import type { MissingMarkers } from './missingMarkers';
import { parseNumber } from './numberParse';
import { TextDictionary } from './textDictionary';

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
  numbers = new Float64Array(1024);
  /** Per-row dictionary code, MISSING_CODE or NUMBER_CODE; only once a non-numeric text appears. */
  codes: Int32Array | undefined;
  private readonly texts = new TextDictionary();
  length = 0;
  numericCount = 0;
  textCount = 0;
  missingCount = 0;
  /** Every number so far was written as an integer. */
  allIntegral = true;

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
      this.pushNumber(parsed.value, parsed.integral);
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
    if (!Number.isNaN(parsed.value)) { this.pushNumber(parsed.value, parsed.integral); } else { this.pushText(text); }
  }

  private pushNumber(value: number, integral: boolean): void {
    this.ensureCapacity();
    this.numbers[this.length] = value;
    if (this.codes) { this.codes[this.length] = NUMBER_CODE; }
    this.length++;
    this.numericCount++;
    if (!integral) { this.allIntegral = false; }
  }

  private pushText(text: string): void {
    this.pushCode(this.texts.codeOfText(text));
  }

  private pushCode(code: number): void {
    this.ensureCapacity();
    if (!this.codes) {
      // First text in this column: earlier rows were numbers or missing.
      this.codes = new Int32Array(this.numbers.length);
      for (let i = 0; i < this.length; i++) { this.codes[i] = Number.isNaN(this.numbers[i]) ? MISSING_CODE : NUMBER_CODE; }
    }
    this.numbers[this.length] = NaN;
    this.codes[this.length] = code;
    this.length++;
    this.textCount++;
  }

  private ensureCapacity(): void {
    if (this.length < this.numbers.length) { return; }
    const size = this.numbers.length * 2;
    const numbers = new Float64Array(size);
    numbers.set(this.numbers);
    this.numbers = numbers;
    if (this.codes) {
      const codes = new Int32Array(size);
      codes.set(this.codes);
      this.codes = codes;
    }
  }

  /** The values trimmed to the rows read. */
  finish(): { numbers: Float64Array; codes: Int32Array | undefined } {
    return { numbers: this.numbers.subarray(0, this.length), codes: this.codes?.subarray(0, this.length) };
  }
}
