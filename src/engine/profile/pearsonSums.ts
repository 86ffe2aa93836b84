/** A column as its chunks, in row order; NaN where the cell is missing. */
export type Chunks = readonly Float64Array[];

/** Rows per block: the blocks of 15-20 columns stay in a core's 1 MB L2 cache while every pair reads them. */
const BLOCK = 2048;

/** Sums over all rows for the pairwise-complete Pearson r of some pairs of columns. */
export interface PairSums {
  rows: number;
  /** Per column: missing rows, Σa and Σa² over its present rows (a = value - shift). */
  missing: Float64Array; sum: Float64Array; squares: Float64Array;
  /** Per pair, 6 numbers: Σab over all rows (a = 0 where missing), Σa and Σa² where b is missing, Σb and Σb² where a is missing, rows where both are missing. */
  pair: Float64Array;
}

/**
 * The sums behind r for `pairs` (indices into `columns`), in one pass over the rows in blocks:
 * each column's block is shifted and zero-filled once, then every pair multiplies from cache. A
 * column is multiplied with up to eight partners at once (one load of it for eight products: more
 * than twice the speed of one pair at a time).
 */
export function pairSums(columns: readonly Chunks[], shifts: readonly number[], pairs: readonly [number, number][]): PairSums {
  const k = columns.length;
  const shifted = new Float64Array(k * BLOCK);
  const missingAt = new Int32Array(k * BLOCK);
  const missingFlag = new Uint8Array(k * BLOCK);
  const missingHere = new Int32Array(k);
  // Σa and Σa² of each column over the block so far (a block can span chunks).
  const blockSums = new Float64Array(2 * k);
  const sums: PairSums = { rows: 0, missing: new Float64Array(k), sum: new Float64Array(k), squares: new Float64Array(k), pair: new Float64Array(6 * pairs.length) };
  const groups = partnerGroups(pairs);
  const products = new Float64Array(8);
  // Blocks are fixed runs of the table's rows, whatever the chunks: the sums then add up in the
  // same order, and give the same bits, however the table was cut into chunks.
  for (const block of blocks(columns[0].map((x) => x.length))) {
    missingHere.fill(0);
    blockSums.fill(0);
    for (const { chunk, from, to, at } of block.pieces) {
      for (let j = 0; j < k; j++) {
        missingHere[j] = shiftPiece(columns[j][chunk], from, to, shifts[j], shifted, missingAt, missingFlag, j * BLOCK, at, missingHere[j], blockSums, j);
      }
    }
    for (let j = 0; j < k; j++) {
      sums.missing[j] += missingHere[j];
      sums.sum[j] += blockSums[2 * j];
      sums.squares[j] += blockSums[2 * j + 1];
    }
    for (const { column, partners, pairIndices } of groups) {
      multiply(shifted, column, partners, block.rows, products);
      for (let g = 0; g < pairIndices.length; g++) { sums.pair[6 * pairIndices[g]] += products[g]; }
    }
    for (let q = 0; q < pairs.length; q++) { correct(shifted, missingAt, missingFlag, missingHere, pairs[q][0], pairs[q][1], sums.pair, 6 * q); }
    for (let j = 0; j < k; j++) { for (let t = j * BLOCK, end = t + missingHere[j]; t < end; t++) { missingFlag[j * BLOCK + missingAt[t]] = 0; } }
    sums.rows += block.rows;
  }
  return sums;
}

/** A block of rows, as pieces of chunks: rows [from, to) of chunk `chunk` go to block row `at`. */
interface Block { rows: number; pieces: { chunk: number; from: number; to: number; at: number }[] }

function* blocks(chunkLengths: readonly number[]): Generator<Block> {
  let chunk = 0;
  let offset = 0;
  for (;;) {
    const pieces: Block['pieces'] = [];
    let rows = 0;
    while (rows < BLOCK && chunk < chunkLengths.length) {
      const take = Math.min(BLOCK - rows, chunkLengths[chunk] - offset);
      if (take > 0) { pieces.push({ chunk, from: offset, to: offset + take, at: rows }); }
      rows += take;
      offset += take;
      if (offset === chunkLengths[chunk]) { chunk++; offset = 0; }
    }
    if (rows === 0) { return; }
    yield { rows, pieces };
  }
}

/** A column and up to eight partners (as offsets of their blocks in the shifted array), with the pairs they make. */
interface Group { column: number; partners: number[]; pairIndices: number[] }

function partnerGroups(pairs: readonly [number, number][]): Group[] {
  const byColumn = new Map<number, number[]>();
  pairs.forEach(([a], q) => { const list = byColumn.get(a) ?? []; list.push(q); byColumn.set(a, list); });
  const groups: Group[] = [];
  for (const [column, list] of byColumn) {
    for (let i = 0; i < list.length; i += 8) {
      const pairIndices = list.slice(i, i + 8);
      groups.push({ column: column * BLOCK, partners: pairIndices.map((q) => pairs[q][1] * BLOCK), pairIndices });
    }
  }
  return groups;
}

/**
 * products[g] = Σ u[a + i] * u[partners[g] + i] over i < m, for 1-8 partners. Each product sums in
 * row order in one variable, however the partners are grouped: a pair's r has the same bits
 * whichever other pairs are asked for with it (two threads share the pairs of one table). Fewer
 * than four partners left are padded with the last one: products[g] past them go unread.
 */
function multiply(u: Float64Array, a: number, partners: readonly number[], m: number, products: Float64Array): void {
  if (partners.length === 8) {
    const [p1, p2, p3, p4, p5, p6, p7, p8] = partners;
    dot8(u, a, p1, p2, p3, p4, p5, p6, p7, p8, m, products);
    return;
  }
  const last = partners.length - 1;
  for (let g = 0; g <= last; g += 4) {
    dot4(u, a, partners[g], partners[Math.min(g + 1, last)], partners[Math.min(g + 2, last)], partners[Math.min(g + 3, last)], m, products, g);
  }
}

function dot8(u: Float64Array, a: number, o1: number, o2: number, o3: number, o4: number, o5: number, o6: number, o7: number, o8: number, m: number, out: Float64Array): void {
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  let s8 = 0;
  for (let i = 0; i < m; i++) {
    const x = u[a + i];
    s1 += x * u[o1 + i];
    s2 += x * u[o2 + i];
    s3 += x * u[o3 + i];
    s4 += x * u[o4 + i];
    s5 += x * u[o5 + i];
    s6 += x * u[o6 + i];
    s7 += x * u[o7 + i];
    s8 += x * u[o8 + i];
  }
  out[0] = s1;
  out[1] = s2;
  out[2] = s3;
  out[3] = s4;
  out[4] = s5;
  out[5] = s6;
  out[6] = s7;
  out[7] = s8;
}

function dot4(u: Float64Array, a: number, o1: number, o2: number, o3: number, o4: number, m: number, out: Float64Array, at: number): void {
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < m; i++) {
    const x = u[a + i];
    s1 += x * u[o1 + i];
    s2 += x * u[o2 + i];
    s3 += x * u[o3 + i];
    s4 += x * u[o4 + i];
  }
  out[at] = s1;
  out[at + 1] = s2;
  out[at + 2] = s3;
  out[at + 3] = s4;
}

/**
 * Writes x[from, to) - shift into shifted[column + at...], 0 where missing, flags and lists the
 * missing rows (block rows, after the `missing` already listed), and carries on the column's Σa
 * and Σa² over the block in blockSums[2j, 2j + 1]; returns how many rows of the block are listed.
 */
function shiftPiece(x: Float64Array, from: number, to: number, shift: number, shifted: Float64Array, missingAt: Int32Array, missingFlag: Uint8Array,
  column: number, at: number, missing: number, blockSums: Float64Array, j: number): number {
  let sum = blockSums[2 * j];
  let squares = blockSums[2 * j + 1];
  for (let r = from, i = column + at; r < to; r++, i++) {
    const d = x[r] - shift;
    if (d === d) {
      shifted[i] = d;
      sum += d;
      squares += d * d;
    } else {
      shifted[i] = 0;
      missingFlag[i] = 1;
      missingAt[column + missing++] = i - column;
    }
  }
  blockSums[2 * j] = sum;
  blockSums[2 * j + 1] = squares;
  return missing;
}

/** Adds a pair's corrections for the block: a over b's missing rows (and rows where both miss), b over a's. */
function correct(shifted: Float64Array, missingAt: Int32Array, missingFlag: Uint8Array, missingHere: Int32Array, a: number, b: number, pair: Float64Array, at: number): void {
  const oa = a * BLOCK;
  const ob = b * BLOCK;
  let sa = 0;
  let saa = 0;
  let both = 0;
  for (let t = ob, end = ob + missingHere[b]; t < end; t++) {
    const i = missingAt[t];
    const v = shifted[oa + i];
    sa += v;
    saa += v * v;
    both += missingFlag[oa + i];
  }
  let sb = 0;
  let sbb = 0;
  for (let t = oa, end = oa + missingHere[a]; t < end; t++) {
    const v = shifted[ob + missingAt[t]];
    sb += v;
    sbb += v * v;
  }
  pair[at + 1] += sa;
  pair[at + 2] += saa;
  pair[at + 3] += sb;
  pair[at + 4] += sbb;
  pair[at + 5] += both;
}
