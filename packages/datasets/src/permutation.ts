import type { Rng } from "@nn/tensor";

/** Shuffles `a` in place with Fisher–Yates: every permutation equally likely given a fair `rng.int`. */
export function shuffleInPlace(a: Int32Array | number[], rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

/** 0..n-1 in order. */
export function identityPermutation(n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  return p;
}
