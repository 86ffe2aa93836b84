/**
 * Distinct texts of a column, found from their bytes: a repeated category costs a hash and a byte
 * comparison, not a new string. Only the first occurrence of each text is decoded.
 */
export class TextDictionary {
  readonly values: string[] = [];
  private readonly bytes: Buffer[] = [];
  /** Hash of the bytes -> code, or codes when several texts share a hash. */
  private readonly byHash = new Map<number, number | number[]>();

  /** The code of the UTF-8 text in bytes [start, end), adding it if new. */
  codeOf(buf: Buffer, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) { h = Math.imul(h ^ buf[i], 0x01000193); }
    const found = this.byHash.get(h);
    if (found !== undefined) {
      if (typeof found === 'number') {
        if (this.same(found, buf, start, end)) { return found; }
      } else {
        for (const code of found) { if (this.same(code, buf, start, end)) { return code; } }
      }
    }
    const code = this.add(buf.toString('utf8', start, end), Buffer.from(buf.subarray(start, end)));
    this.byHash.set(h, found === undefined ? code : typeof found === 'number' ? [found, code] : [...found, code]);
    return code;
  }

  /** The code of a decoded text (cells that needed unescaping). */
  codeOfText(text: string): number {
    const bytes = Buffer.from(text, 'utf8');
    return this.codeOf(bytes, 0, bytes.length);
  }

  private same(code: number, buf: Buffer, start: number, end: number): boolean {
    const stored = this.bytes[code];
    if (stored.length !== end - start) { return false; }
    for (let i = 0; i < stored.length; i++) { if (stored[i] !== buf[start + i]) { return false; } }
    return true;
  }

  private add(text: string, bytes: Buffer): number {
    const code = this.values.length;
    this.values.push(text);
    this.bytes.push(bytes);
    return code;
  }
}
