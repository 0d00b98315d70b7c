import type { TypedArray } from "../dtype.js";

/*
 * Packed, cache- and register-blocked matrix product in the style of GotoBLAS (Goto & van de
 * Geijn, "Anatomy of High-Performance Matrix Multiplication", 2008). docs/math_derivations.md §11.2 and §A.3 (packing and blocking)
 *
 *   for each NC-wide block of columns:
 *     for each KC-deep slab of the inner dimension:
 *       pack op(B)[slab, block] into NR-wide column panels            (stays in L3)
 *       for each MC-tall block of rows:
 *         pack op(A)[rows, slab] into MR-tall row panels              (stays in L2)
 *         for each NR panel of B, for each MR panel of A:
 *           MR×NR micro-kernel: 16 running sums in registers over KC (panels stream from L1)
 *
 * Packing reads op(A) and op(B) through their strides, so a transpose costs nothing beyond the
 * O(mk + kn) copy, and the micro-kernel always walks both panels contiguously. Panels are float64
 * for both dtypes: the micro-kernel sees one array type (V8 keeps it monomorphic) and float32
 * products are summed in float64 within each slab.
 */

const MR = 4;
const NR = 4;
/** Slab depth: an MR×KC panel of A plus a KC×NR panel of B is 24 KiB, inside L1. */
const KC = 384;
/** Row-block height: an MC×KC block of A is 192 KiB, inside L2. */
const MC = 64;
/** Column-block width: a KC×NC block of B is 6 MiB, within L3, and bounds the pack buffer. */
const NC = 2048;

/** Pack buffers, reused by every call: A's is one MC×KC block; B's grows to the widest block seen (at most KC×NC). */
const packedA = new Float64Array(MC * KC);
let packedB = new Float64Array(KC * 256);
/** One MR×NR result tile, so edge tiles share the micro-kernel with interior ones. */
const tile = new Float64Array(MR * NR);

/**
 * Packs rows [i0, i0+mc) and slab [p0, p0+kc) of op(A) as MR-row panels, each stored p-major
 * (panel[p·MR + r] = op(A)[i0 + r, p0 + p]); rows past m are zero so edge panels need no test.
 */
function packA(a: TypedArray, m: number, k: number, transA: boolean, i0: number, mc: number, p0: number, kc: number): void {
  // op(A)[i, p] is a[i·k + p], or a[p·m + i] when A is stored transposed.
  const rowStride = transA ? 1 : k, depthStride = transA ? m : 1;
  let dst = 0;
  for (let ir = 0; ir < mc; ir += MR) {
    const rows = Math.min(MR, mc - ir);
    for (let p = 0; p < kc; p++) {
      const src = (i0 + ir) * rowStride + (p0 + p) * depthStride;
      for (let r = 0; r < rows; r++) packedA[dst + r] = a[src + r * rowStride];
      for (let r = rows; r < MR; r++) packedA[dst + r] = 0;
      dst += MR;
    }
  }
}

/**
 * Packs columns [jc, jc+nc) and slab [p0, p0+kc) of op(B) as NR-column panels,
 * panel[p·NR + c] = op(B)[p0 + p, j0 + c]; columns past the block are zero.
 */
function packB(b: TypedArray, n: number, k: number, transB: boolean, jc: number, nc: number, p0: number, kc: number): void {
  // op(B)[p, j] is b[p·n + j], or b[j·k + p] when B is stored transposed.
  const depthStride = transB ? 1 : n, colStride = transB ? k : 1;
  let dst = 0;
  for (let j0 = jc; j0 < jc + nc; j0 += NR) {
    const cols = Math.min(NR, jc + nc - j0);
    for (let p = 0; p < kc; p++) {
      const src = (p0 + p) * depthStride + j0 * colStride;
      for (let c = 0; c < cols; c++) packedB[dst + c] = b[src + c * colStride];
      for (let c = cols; c < NR; c++) packedB[dst + c] = 0;
      dst += NR;
    }
  }
}

/** tile = A-panel · B-panel over kc steps: the 4×4 outer-product update, sums held in locals. */
function microKernel(ap: Float64Array, aOff: number, bp: Float64Array, bOff: number, kc: number): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0; p < kc; p++) {
    const a0 = ap[aOff], a1 = ap[aOff + 1], a2 = ap[aOff + 2], a3 = ap[aOff + 3];
    const b0 = bp[bOff], b1 = bp[bOff + 1], b2 = bp[bOff + 2], b3 = bp[bOff + 3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
    aOff += MR;
    bOff += NR;
  }
  const t = tile;
  t[0] = c00; t[1] = c01; t[2] = c02; t[3] = c03;
  t[4] = c10; t[5] = c11; t[6] = c12; t[7] = c13;
  t[8] = c20; t[9] = c21; t[10] = c22; t[11] = c23;
  t[12] = c30; t[13] = c31; t[14] = c32; t[15] = c33;
}

/**
 * The epilogue of the call in progress (see `Kernels.matmul`), held in module state so the store
 * loop takes no extra arguments and allocates nothing. `prior` holds C as it was before the call
 * (`out` itself when the product is one slab deep, else a saved copy), null without accumulate.
 */
let prior: TypedArray | null = null;
let bias: TypedArray | null = null;
let relu = false;
let round32 = false;
/** C as it was before an accumulating product more than one slab deep (grown once, never shrunk). */
let savedC = new Float64Array(0);

/**
 * Stores the valid rows × cols of the tile at out[i, j]. Slabs after the first add to what earlier
 * ones stored; the last slab then applies the epilogue, each step rounded to out's precision as a
 * separate pass over the finished product would round it.
 */
function storeTile(out: TypedArray, n: number, i: number, j: number, rows: number, cols: number, firstSlab: boolean, lastSlab: boolean): void {
  const epilogue = lastSlab && (prior !== null || bias !== null || relu);
  for (let r = 0; r < rows; r++) {
    const o = (i + r) * n + j, t = r * NR;
    if (!epilogue) {
      if (firstSlab) for (let c = 0; c < cols; c++) out[o + c] = tile[t + c];
      else for (let c = 0; c < cols; c++) out[o + c] += tile[t + c];
      continue;
    }
    for (let c = 0; c < cols; c++) {
      let v = firstSlab ? tile[t + c] : out[o + c] + tile[t + c];
      if (round32) v = Math.fround(v);
      if (prior !== null) {
        v += prior[o + c];
        if (round32) v = Math.fround(v);
      }
      if (bias !== null) {
        v += bias[j + c];
        if (round32) v = Math.fround(v);
      }
      out[o + c] = relu ? Math.max(v, 0) : v;
    }
  }
}

/**
 * out[m×n] = op(A)·op(B) with op(A) [m, k] and op(B) [k, n], then the epilogue of
 * `Kernels.matmul` (accumulate into out, add a bias row, ReLU). A is stored [m, k] ([k, m] when
 * transA) and B [k, n] ([n, k] when transB). `out` must not alias `a`, `b` or `bias`; m, n, k ≥ 1.
 */
export function matmulJs(
  a: TypedArray, b: TypedArray, out: TypedArray, m: number, n: number, k: number, transA: boolean, transB: boolean,
  accumulate = false, biasRow: TypedArray | null = null, applyRelu = false,
): void {
  const panelsN = Math.ceil(Math.min(n, NC) / NR) * NR;
  if (packedB.length < KC * panelsN) packedB = new Float64Array(KC * panelsN);
  prior = null;
  if (accumulate) {
    // One slab deep, each element of out is read (as C) just before its only store; deeper, the
    // first slab overwrites it, so C is saved first.
    if (k <= KC) prior = out;
    else {
      if (savedC.length < m * n) savedC = new Float64Array(m * n);
      for (let i = 0; i < m * n; i++) savedC[i] = out[i];
      prior = savedC;
    }
  }
  bias = biasRow;
  relu = applyRelu;
  round32 = out instanceof Float32Array;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let p0 = 0; p0 < k; p0 += KC) {
      const kc = Math.min(KC, k - p0);
      const last = p0 + kc >= k;
      packB(b, n, k, transB, jc, nc, p0, kc);
      for (let i0 = 0; i0 < m; i0 += MC) {
        const mc = Math.min(MC, m - i0);
        packA(a, m, k, transA, i0, mc, p0, kc);
        for (let jr = 0; jr < nc; jr += NR) {
          const cols = Math.min(NR, nc - jr);
          const bOff = jr * kc;
          for (let ir = 0; ir < mc; ir += MR) {
            microKernel(packedA, ir * kc, packedB, bOff, kc);
            storeTile(out, n, i0 + ir, jc + jr, Math.min(MR, mc - ir), cols, p0 === 0, last);
          }
        }
      }
    }
  }
  prior = null;
  bias = null;
}
