import type { Rng } from "@nn/tensor";

/**
 * Which flat indices of a tensor of `size` elements to check: all of them when `max` allows,
 * otherwise `max` distinct indices drawn by a partial Fisher–Yates shuffle, returned in
 * ascending order so a report reads top to bottom.
 */
export function chooseCoordinates(size: number, max: number, rng: Rng): Int32Array {
  if (size <= max) {
    const all = new Int32Array(size);
    for (let i = 0; i < size; i++) all[i] = i;
    return all;
  }
  const pool = new Int32Array(size);
  for (let i = 0; i < size; i++) pool[i] = i;
  for (let i = 0; i < max; i++) {
    const j = i + rng.int(size - i);
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, max).sort();
}

/** Row-major multi-index of flat index `flat` in `shape`. */
export function unravelIndex(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  let rest = flat;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const n = shape[axis];
    index[axis] = rest % n;
    rest = Math.floor(rest / n);
  }
  return index;
}
