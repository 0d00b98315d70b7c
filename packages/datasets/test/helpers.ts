import type { Tensor } from "@nn/tensor";

/** Row i of a [n, f] tensor as a plain array. */
export function row(t: Tensor, i: number): number[] {
  const f = t.shape[1];
  return Array.from(t.data.subarray(i * f, (i + 1) * f));
}

/** How often each class index occurs in y. */
export function classCounts(y: Tensor, k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  for (const c of y.data) counts[c]++;
  return counts;
}

export function bytesOf(t: Tensor): Uint8Array {
  return new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
}

export function sameBytes(a: Tensor, b: Tensor): boolean {
  const x = bytesOf(a), y = bytesOf(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
