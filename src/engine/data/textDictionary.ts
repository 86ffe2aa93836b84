/** Start of a key's hash chain: h = Math.imul(h ^ word, KEY_PRIME) for each packed word, then finishKeyHash. */
export const KEY_SEED = 0x811c9dc5 | 0;
/** Multiplier of a key's hash chain. */
export const KEY_PRIME = 0x01000193;

/** The hash of a key from its word chain and byte length (murmur3's final mix: the table index takes the low bits). */
export function finishKeyHash(chain: number, bytes: number): number {
  let h = chain ^ bytes;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Distinct texts of a column, found from their bytes: a repeated category costs packing its bytes
 * into 32-bit words (the key), a hash of the words, a probe in an open-addressing table and a
 * comparison of a few words, never a new string. Only the first occurrence of each text is
 * decoded. All texts' words live in one arena, so a million distinct ids are a few typed arrays.
 *
 * The key is little-endian words of the bytes, the last one zero-padded: the fast record reader
 * builds it while it scans a cell (4 bytes at a time), `pack` builds the same from bytes.
 */
export class TextDictionary {
  readonly values: string[] = [];
  /** The key being looked up: `find` and `add` read its first ceil(bytes / 4) words. */
  key: Int32Array = new Int32Array(16);
  /** Words of every text, back to back: text `code` is words[starts[code], starts[code + 1]). */
  private words: Int32Array = new Int32Array(256);
  private starts: Int32Array = new Int32Array(17);
  private byteLengths: Int32Array = new Int32Array(16);
  private hashes: Int32Array = new Int32Array(16);
  /**
   * Open addressing by hash, kept at most half full. Slot k is table[4k .. 4k + 3]: the hash, code + 1
   * (0 for an empty slot), the first key word and the byte length, so that a text of up to 4 bytes
   * is found in one cache line and a longer one compares only its other words in the arena.
   */
  private table: Int32Array = new Int32Array(128);
  private mask = 31;

  constructor() {
    // An empty array literal holds small integers until its first string arrives; that change of
    // elements kind would deoptimise the reader's hot loop (compiled for dictionaries that already
    // hold strings) once per file. Start it as an array of strings.
    this.values.push('');
    this.values.pop();
  }

  /** The code of the UTF-8 text in bytes [start, end), adding it if new. */
  codeOf(buf: Uint8Array, start: number, end: number): number {
    const h = this.pack(buf, start, end);
    const code = this.find(h, end - start);
    return code >= 0 ? code : this.add(buf, start, end, h);
  }

  /** The code of a decoded text (cells that needed unescaping). */
  codeOfText(text: string): number {
    const bytes = Buffer.from(text, 'utf8');
    return this.codeOf(bytes, 0, bytes.length);
  }

  /** A key twice as long, keeping its words (for a long text being scanned). */
  growKey(): Int32Array {
    const key = new Int32Array(this.key.length * 2);
    key.set(this.key);
    this.key = key;
    return key;
  }

  /** Packs bytes [start, end) into the key and returns its hash. */
  pack(buf: Uint8Array, start: number, end: number): number {
    while ((end - start + 3) >> 2 > this.key.length) { this.growKey(); }
    const key = this.key;
    let h = KEY_SEED;
    let n = 0;
    let k = start;
    for (; k + 4 <= end; k += 4) {
      const w = buf[k] | (buf[k + 1] << 8) | (buf[k + 2] << 16) | (buf[k + 3] << 24);
      key[n++] = w;
      h = Math.imul(h ^ w, KEY_PRIME);
    }
    if (k < end) {
      let w = 0;
      for (let shift = 0; k < end; k++, shift += 8) { w |= buf[k] << shift; }
      key[n++] = w;
      h = Math.imul(h ^ w, KEY_PRIME);
    }
    return finishKeyHash(h, end - start);
  }

  /** The code of the text in the key (hash h, `bytes` long), or -1 when it is not in the dictionary. */
  find(h: number, bytes: number): number {
    const table = this.table;
    const mask = this.mask;
    const first = bytes === 0 ? 0 : this.key[0];
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2;
      const entry = table[at + 1];
      if (entry === 0) { return -1; }
      if (table[at] === h && table[at + 2] === first && table[at + 3] === bytes && (bytes <= 4 || this.sameWords(entry - 1, (bytes + 3) >> 2))) { return entry - 1; }
    }
  }

  /** Adds the text in bytes [start, end), whose key is packed and not found (hash h); returns its code. */
  add(buf: Uint8Array, start: number, end: number, h: number): number {
    const code = this.values.length;
    this.values.push(Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('utf8'));
    if (code + 1 >= this.hashes.length) {
      this.hashes = grown(this.hashes, this.hashes.length * 2);
      this.byteLengths = grown(this.byteLengths, this.byteLengths.length * 2);
      this.starts = grown(this.starts, this.starts.length * 2);
    }
    const from = this.starts[code];
    const n = (end - start + 3) >> 2;
    if (from + n > this.words.length) { this.words = grown(this.words, Math.max(this.words.length * 2, from + n)); }
    this.words.set(this.key.subarray(0, n), from);
    this.starts[code + 1] = from + n;
    this.byteLengths[code] = end - start;
    this.hashes[code] = h;
    if ((code + 1) * 2 > this.mask + 1) { this.rehash((this.mask + 1) * 2); }
    this.place(code);
    return code;
  }

  private sameWords(code: number, n: number): boolean {
    const words = this.words;
    const key = this.key;
    const from = this.starts[code];
    for (let k = 1; k < n; k++) { if (words[from + k] !== key[k]) { return false; } }
    return true;
  }

  private place(code: number): void {
    const h = this.hashes[code];
    let slot = h & this.mask;
    while (this.table[4 * slot + 1] !== 0) { slot = (slot + 1) & this.mask; }
    const at = 4 * slot;
    this.table[at] = h;
    this.table[at + 1] = code + 1;
    this.table[at + 2] = this.byteLengths[code] === 0 ? 0 : this.words[this.starts[code]];
    this.table[at + 3] = this.byteLengths[code];
  }

  private rehash(slots: number): void {
    this.table = new Int32Array(4 * slots);
    this.mask = slots - 1;
    for (let code = 0; code < this.values.length - 1; code++) { this.place(code); }
  }
}

function grown(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
