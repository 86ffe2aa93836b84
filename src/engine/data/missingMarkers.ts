/**
 * The cell texts pandas' read_csv reads as missing by default (`keep_default_na`), so that counts
 * match pandas. Note what is absent: "." and "-" are values, not missing.
 */
export const PANDAS_MISSING_MARKERS: readonly string[] = [
  '', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN',
  '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null',
];

/** Checks cell bytes against a set of markers without making a string for ordinary cells. */
export class MissingMarkers {
  private readonly markers: Set<string>;
  private readonly maxLength: number;
  private readonly firstBytes = new Uint8Array(256);

  constructor(markers: readonly string[] = PANDAS_MISSING_MARKERS) {
    this.markers = new Set(markers);
    this.maxLength = Math.max(0, ...markers.map((m) => Buffer.byteLength(m)));
    for (const m of markers) { if (m.length > 0) { this.firstBytes[Buffer.from(m)[0]] = 1; } }
  }

  /** Whether bytes [start, end) hold a missing-value marker. */
  isMissing(bytes: Buffer, start: number, end: number): boolean {
    const length = end - start;
    if (length === 0) { return this.markers.has(''); }
    if (length > this.maxLength || this.firstBytes[bytes[start]] === 0) { return false; }
    return this.markers.has(bytes.toString('latin1', start, end));
  }

  /** Whether a decoded string is a marker (for cells that needed unescaping). */
  isMissingText(text: string): boolean {
    return this.markers.has(text);
  }
}
