// Network weights are float32 (what TensorFlow.js trains in). The shared codec stores float64 and
// int32; widening would be lossless too, but twice the size, so the weights get their own dtype.

/** A float32 array as base64 of its little-endian bytes. */
export interface EncodedFloat32 { dtype: 'float32'; base64: string }

/** Encodes float32 weights for a model file, bit for bit. */
export function encodeFloat32(array: Float32Array): EncodedFloat32 {
  const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  return { dtype: 'float32', base64: bytes.toString('base64') };
}

/** Decodes what `encodeFloat32` wrote, checking the dtype and, when given, the length. */
export function decodeFloat32(encoded: unknown, expectedLength?: number): Float32Array {
  const value = encoded as Partial<EncodedFloat32> | null;
  if (!value || value.dtype !== 'float32' || typeof value.base64 !== 'string') {
    throw new Error('Expected a float32 array in the model file.');
  }
  const bytes = Buffer.from(value.base64, 'base64');
  if (bytes.length % 4 !== 0) { throw new Error(`A float32 array in the model file has ${bytes.length} bytes, not a multiple of 4.`); }
  if (expectedLength !== undefined && bytes.length !== expectedLength * 4) {
    throw new Error(`A float32 array in the model file holds ${bytes.length / 4} values; expected ${expectedLength}.`);
  }
  const out = new Float32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
