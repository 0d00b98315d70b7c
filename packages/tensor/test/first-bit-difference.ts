/**
 * Where two float32 results first differ bit for bit (so +0 and −0 differ, and NaNs by payload):
 * the index, −1 if they are the same, −2 if their lengths differ. Meant for
 * `expect(firstBitDifference(actual, expected)).toBe(-1)`, which names the element, and is
 * much faster on large arrays than `toEqual` on their bits.
 */
export function firstBitDifference(actual: Float32Array, expected: Float32Array): number {
  if (actual.length !== expected.length) return -2;
  const a = new Uint32Array(actual.buffer, actual.byteOffset, actual.length);
  const e = new Uint32Array(expected.buffer, expected.byteOffset, expected.length);
  for (let i = 0; i < e.length; i++) if (a[i] !== e[i]) return i;
  return -1;
}
