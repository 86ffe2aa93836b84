// Large numeric arrays inside model files: base64 of the little-endian bytes, so a forest of
// thousands of nodes stays compact and reads back bit-identically (JSON numbers would too, but at
// three to four times the size).

export interface EncodedArray { dtype: 'float64' | 'int32'; base64: string }

/** Encodes a typed array for a model file. */
export function encodeArray(array: Float64Array | Int32Array): EncodedArray {
  const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  return { dtype: array instanceof Float64Array ? 'float64' : 'int32', base64: bytes.toString('base64') };
}

/** Decodes what `encodeArray` wrote. */
export function decodeFloat64(encoded: EncodedArray): Float64Array {
  if (encoded.dtype !== 'float64') { throw new Error(`Expected a float64 array, found ${encoded.dtype}.`); }
  const bytes = Buffer.from(encoded.base64, 'base64');
  const out = new Float64Array(bytes.length / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** Decodes what `encodeArray` wrote. */
export function decodeInt32(encoded: EncodedArray): Int32Array {
  if (encoded.dtype !== 'int32') { throw new Error(`Expected an int32 array, found ${encoded.dtype}.`); }
  const bytes = Buffer.from(encoded.base64, 'base64');
  const out = new Int32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
