// Numbers straight from bytes: most numeric cells are parsed without making a string.

/** Exact powers of ten: mantissa / POW10[k] rounds exactly as parseFloat does for <= 15 digits. */
export const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The result of parsing one cell: NaN when it is not a number; `integral` when written without a
 * fraction or exponent; `decimals` the digits after the point (Infinity when the text needed
 * parseFloat: an exponent, more than 15 digits or inf, where the written digits say nothing).
 */
export interface ParsedNumber { value: number; integral: boolean; decimals: number }

const out: ParsedNumber = { value: NaN, integral: false, decimals: 0 };

/**
 * Parses a decimal number in bytes [start, end). The fast path (up to 15 significant digits, no
 * exponent) divides two exactly representable numbers, which rounds exactly as parseFloat does;
 * anything else falls back to parseFloat on the text. Returns a shared object: read it at once.
 */
export function parseNumber(bytes: Uint8Array, start: number, end: number): ParsedNumber {
  out.value = NaN;
  out.integral = false;
  out.decimals = 0;
  let i = start;
  // Surrounding spaces are accepted, as pandas does.
  while (i < end && bytes[i] === 32) { i++; }
  while (end > i && bytes[end - 1] === 32) { end--; }
  if (i >= end) { return out; }
  let negative = false;
  if (bytes[i] === 45 || bytes[i] === 43) { negative = bytes[i] === 45; i++; }
  // Text cells leave here, before any string is made: a number starts with a digit, a point or inf.
  const first = bytes[i];
  if (!((first >= 48 && first <= 57) || first === 46 || first === 105 || first === 73)) { return out; }
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  let sawDigit = false;
  let sawPoint = false;
  for (; i < end; i++) {
    const b = bytes[i];
    if (b >= 48 && b <= 57) {
      sawDigit = true;
      if (mantissa === 0 && b === 48 && !sawPoint) { continue; }
      mantissa = mantissa * 10 + (b - 48);
      digits++;
      if (sawPoint) { fractionDigits++; }
    } else if (b === 46 && !sawPoint) {
      sawPoint = true;
    } else {
      break;
    }
  }
  if (!sawDigit) { return slowPath(bytes, start, end); }
  if (i < end) {
    // An exponent, or something that is not a number at all.
    if (bytes[i] === 101 || bytes[i] === 69) { return slowPath(bytes, start, end); }
    return out;
  }
  if (digits > 15 || fractionDigits > 22) { return slowPath(bytes, start, end); }
  const value = fractionDigits === 0 ? mantissa : mantissa / POW10[fractionDigits];
  out.value = negative ? -value : value;
  out.integral = !sawPoint;
  out.decimals = fractionDigits;
  return out;
}

const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|Infinity)\s*$/i;

function slowPath(bytes: Uint8Array, start: number, end: number): ParsedNumber {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
  if (!NUMBER_TEXT.test(text)) { return out; }
  const trimmed = text.trim().replace(/^([+-]?)inf(inity)?$/i, '$1Infinity');
  out.value = Number(trimmed);
  out.integral = /^[+-]?\d+$/.test(trimmed) && Number.isSafeInteger(out.value);
  out.decimals = Number.POSITIVE_INFINITY;
  return out;
}
