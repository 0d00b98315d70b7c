;; Single-precision matrix product C = op(A)·op(B) (+ C) with 128-bit WebAssembly SIMD.
;;
;; The structure is the classic Goto/BLIS one (docs/design_notes.md, "WebAssembly kernels"):
;;
;;   for each NC-wide block of columns of C                 (B block lives in L2/L3)
;;     for each KC-deep slice of the inner dimension
;;       pack B[pc:pc+KC, jc:jc+NC] into NR-wide panels     (contiguous, zero-padded)
;;       for each MC-tall block of rows
;;         pack A[ic:ic+MC, pc:pc+KC] into MR-tall panels   (A block lives in L2; a row-major A
;;                                                           is read in place but for a ragged panel)
;;         for each B panel, for each A panel:
;;           4×8 micro-kernel: 8 f32x4 accumulators held in registers for the whole KC loop
;;
;; Packing is where the transpose cases meet: an element is read from its source through two
;; strides (one along the inner dimension, one across the panel), so A·B, Aᵀ·B and A·Bᵀ all end
;; up as identical panels. A stored row-major (no transA) is the exception: the micro-kernel
;; broadcasts one float per row and k step, which it can as well read from A itself (row
;; stride 4k bytes, k step 4 bytes), so whole 4-row panels of such an A are not packed at all
;; and only a ragged last panel (fewer than 4 rows) is; the float32 operations and their order
;; are the packed path's, so the bits are too (test/matmul-in-place.test.ts). Transposing A into
;; panels cost about a tenth of a training step of the 2→64→32→1 network at batch 1000.
;;
;; All pointers are byte offsets into the shared memory; the host (wasm-matmul.ts) copies
;; operands in, reserves the packing buffers and the 4×8 edge tile, and copies C out.
(module
  ;; The host owns the memory so that every kernel module can share it (wasm-memory.ts).
  (import "env" "memory" (memory 1))

  ;; Block sizes; the host sizes the packing buffers from the same numbers (wasm-matmul.ts).
  ;; MR = 4 rows, NR = 8 columns: 8 accumulators + 2 B vectors + 1 A broadcast = 11 of the 16
  ;; SIMD registers on x86-64, so nothing spills inside the loop.
  (global $KC i32 (i32.const 256))
  (global $MC i32 (i32.const 128))
  (global $NC i32 (i32.const 512))

  ;; The 4×8 micro-kernel. pa: when lda = 0 a packed A panel (kc groups of 4 floats, one per
  ;; row), otherwise the panel's first float in A itself, stored row-major with rows lda bytes
  ;; apart; pb: packed B panel (kc groups of 8 floats, one per column). Both loops perform the
  ;; same rank-1 updates in the same order on the same values, so the sums have the same bits
  ;; whichever reads A; they differ only in addresses (the packed one keeps constant offsets,
  ;; which the engine folds into the loads). Adds the 4×8 product into C at c (row
  ;; stride ldc bytes) when acc ≠ 0, otherwise overwrites it. On the last slab `flags` asks for the
  ;; epilogue, applied to the finished sums in this order, each its own rounding as if a separate
  ;; pass did it: bit 0 adds the tile of C as it was (at prior, same row stride), bit 1 adds
  ;; bias[0..7] to every row, bit 2 takes max(·, 0).
  (func $kernel_4x8 (param $pa i32) (param $lda i32) (param $pb i32) (param $kc i32) (param $c i32) (param $ldc i32) (param $acc i32)
    (param $flags i32) (param $prior i32) (param $bias i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $a v128) (local $end i32)
    (local $lda2 i32) (local $lda3 i32)
    (local.set $end (i32.add (local.get $pb) (i32.shl (local.get $kc) (i32.const 5))))
    (if (i32.eqz (local.get $lda))
      (then
        (if (local.get $kc)
          (then
            (loop $k
              ;; one rank-1 update: row r of the tile += A(r, p) · B(p, 0..7)
              (local.set $b0 (v128.load (local.get $pb)))
              (local.set $b1 (v128.load offset=16 (local.get $pb)))
              (local.set $a (v128.load32_splat (local.get $pa)))
              (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $a) (local.get $b0))))
              (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $a) (local.get $b1))))
              (local.set $a (v128.load32_splat offset=4 (local.get $pa)))
              (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $a) (local.get $b0))))
              (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $a) (local.get $b1))))
              (local.set $a (v128.load32_splat offset=8 (local.get $pa)))
              (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $a) (local.get $b0))))
              (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $a) (local.get $b1))))
              (local.set $a (v128.load32_splat offset=12 (local.get $pa)))
              (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $a) (local.get $b0))))
              (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $a) (local.get $b1))))
              (local.set $pa (i32.add (local.get $pa) (i32.const 16)))
              (local.set $pb (i32.add (local.get $pb) (i32.const 32)))
              (br_if $k (i32.lt_u (local.get $pb) (local.get $end)))))))
        (else
          ;; A read in place: row r at pa + r·lda, step p at 4p bytes along it; the same rank-1
          ;; updates in the same order as the packed loop, only the addresses differ.
          (local.set $lda2 (i32.shl (local.get $lda) (i32.const 1)))
          (local.set $lda3 (i32.add (local.get $lda2) (local.get $lda)))
          (if (local.get $kc)
            (then
              (loop $kInPlace
                (local.set $b0 (v128.load (local.get $pb)))
                (local.set $b1 (v128.load offset=16 (local.get $pb)))
                (local.set $a (v128.load32_splat (local.get $pa)))
                (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $a) (local.get $b0))))
                (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $a) (local.get $b1))))
                (local.set $a (v128.load32_splat (i32.add (local.get $pa) (local.get $lda))))
                (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $a) (local.get $b0))))
                (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $a) (local.get $b1))))
                (local.set $a (v128.load32_splat (i32.add (local.get $pa) (local.get $lda2))))
                (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $a) (local.get $b0))))
                (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $a) (local.get $b1))))
                (local.set $a (v128.load32_splat (i32.add (local.get $pa) (local.get $lda3))))
                (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $a) (local.get $b0))))
                (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $a) (local.get $b1))))
                (local.set $pa (i32.add (local.get $pa) (i32.const 4)))
                (local.set $pb (i32.add (local.get $pb) (i32.const 32)))
                (br_if $kInPlace (i32.lt_u (local.get $pb) (local.get $end))))))))
    (if (local.get $acc)
      (then
        (local.set $c00 (f32x4.add (local.get $c00) (v128.load (local.get $c))))
        (local.set $c01 (f32x4.add (local.get $c01) (v128.load offset=16 (local.get $c))))
        (local.set $c10 (f32x4.add (local.get $c10) (v128.load (i32.add (local.get $c) (local.get $ldc)))))
        (local.set $c11 (f32x4.add (local.get $c11) (v128.load offset=16 (i32.add (local.get $c) (local.get $ldc)))))
        (local.set $c20 (f32x4.add (local.get $c20) (v128.load (i32.add (local.get $c) (i32.shl (local.get $ldc) (i32.const 1))))))
        (local.set $c21 (f32x4.add (local.get $c21) (v128.load offset=16 (i32.add (local.get $c) (i32.shl (local.get $ldc) (i32.const 1))))))
        (local.set $c30 (f32x4.add (local.get $c30) (v128.load (i32.add (local.get $c) (i32.mul (local.get $ldc) (i32.const 3))))))
        (local.set $c31 (f32x4.add (local.get $c31) (v128.load offset=16 (i32.add (local.get $c) (i32.mul (local.get $ldc) (i32.const 3))))))))
    (if (i32.and (local.get $flags) (i32.const 1))
      (then
        (local.set $c00 (f32x4.add (local.get $c00) (v128.load (local.get $prior))))
        (local.set $c01 (f32x4.add (local.get $c01) (v128.load offset=16 (local.get $prior))))
        (local.set $c10 (f32x4.add (local.get $c10) (v128.load (i32.add (local.get $prior) (local.get $ldc)))))
        (local.set $c11 (f32x4.add (local.get $c11) (v128.load offset=16 (i32.add (local.get $prior) (local.get $ldc)))))
        (local.set $c20 (f32x4.add (local.get $c20) (v128.load (i32.add (local.get $prior) (i32.shl (local.get $ldc) (i32.const 1))))))
        (local.set $c21 (f32x4.add (local.get $c21) (v128.load offset=16 (i32.add (local.get $prior) (i32.shl (local.get $ldc) (i32.const 1))))))
        (local.set $c30 (f32x4.add (local.get $c30) (v128.load (i32.add (local.get $prior) (i32.mul (local.get $ldc) (i32.const 3))))))
        (local.set $c31 (f32x4.add (local.get $c31) (v128.load offset=16 (i32.add (local.get $prior) (i32.mul (local.get $ldc) (i32.const 3))))))))
    (if (i32.and (local.get $flags) (i32.const 2))
      (then
        (local.set $b0 (v128.load (local.get $bias)))
        (local.set $b1 (v128.load offset=16 (local.get $bias)))
        (local.set $c00 (f32x4.add (local.get $c00) (local.get $b0)))
        (local.set $c01 (f32x4.add (local.get $c01) (local.get $b1)))
        (local.set $c10 (f32x4.add (local.get $c10) (local.get $b0)))
        (local.set $c11 (f32x4.add (local.get $c11) (local.get $b1)))
        (local.set $c20 (f32x4.add (local.get $c20) (local.get $b0)))
        (local.set $c21 (f32x4.add (local.get $c21) (local.get $b1)))
        (local.set $c30 (f32x4.add (local.get $c30) (local.get $b0)))
        (local.set $c31 (f32x4.add (local.get $c31) (local.get $b1)))))
    (if (i32.and (local.get $flags) (i32.const 4))
      (then
        ;; the same instruction and operand order as positive_part_f32 (vector-ops.wat)
        (local.set $a (f32x4.splat (f32.const 0)))
        (local.set $c00 (f32x4.max (local.get $c00) (local.get $a)))
        (local.set $c01 (f32x4.max (local.get $c01) (local.get $a)))
        (local.set $c10 (f32x4.max (local.get $c10) (local.get $a)))
        (local.set $c11 (f32x4.max (local.get $c11) (local.get $a)))
        (local.set $c20 (f32x4.max (local.get $c20) (local.get $a)))
        (local.set $c21 (f32x4.max (local.get $c21) (local.get $a)))
        (local.set $c30 (f32x4.max (local.get $c30) (local.get $a)))
        (local.set $c31 (f32x4.max (local.get $c31) (local.get $a)))))
    (v128.store (local.get $c) (local.get $c00))
    (v128.store offset=16 (local.get $c) (local.get $c01))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (v128.store (local.get $c) (local.get $c10))
    (v128.store offset=16 (local.get $c) (local.get $c11))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (v128.store (local.get $c) (local.get $c20))
    (v128.store offset=16 (local.get $c) (local.get $c21))
    (local.set $c (i32.add (local.get $c) (local.get $ldc)))
    (v128.store (local.get $c) (local.get $c30))
    (v128.store offset=16 (local.get $c) (local.get $c31)))

;; Copies the top-left mr×nr corner of a 4×8 tile (row stride 32 bytes) into C, adding to
  ;; what is there when acc ≠ 0, then the epilogue `flags` asks for (as in $kernel_4x8, one
  ;; float at a time). Only the ragged right and bottom edges of C go through here.
  (func $store_edge (param $tile i32) (param $c i32) (param $ldc i32) (param $mr i32) (param $nr i32) (param $acc i32)
    (param $flags i32) (param $prior i32) (param $bias i32)
    (local $r i32) (local $j i32) (local $src i32) (local $dst i32) (local $v f32) (local $at i32)
    (loop $rows
      (local.set $src (i32.add (local.get $tile) (i32.shl (local.get $r) (i32.const 5))))
      (local.set $dst (i32.add (local.get $c) (i32.mul (local.get $r) (local.get $ldc))))
      (local.set $j (i32.const 0))
      (loop $cols
        (local.set $v (f32.load (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2)))))
        (if (local.get $acc)
          (then (local.set $v (f32.add (local.get $v) (f32.load (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 2))))))))
        (if (i32.and (local.get $flags) (i32.const 1))
          (then
            ;; prior has C's layout: the same byte distance from its start as dst + 4j from c
            (local.set $at (i32.add (i32.add (local.get $prior) (i32.sub (local.get $dst) (local.get $c))) (i32.shl (local.get $j) (i32.const 2))))
            (local.set $v (f32.add (local.get $v) (f32.load (local.get $at))))))
        (if (i32.and (local.get $flags) (i32.const 2))
          (then (local.set $v (f32.add (local.get $v) (f32.load (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2))))))))
        (if (i32.and (local.get $flags) (i32.const 4))
          (then (local.set $v (f32.max (local.get $v) (f32.const 0)))))
        (f32.store (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 2))) (local.get $v))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $cols (i32.lt_u (local.get $j) (local.get $nr))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br_if $rows (i32.lt_u (local.get $r) (local.get $mr)))))

  ;; Reads a 4×4 block as 4 rows (row r at src + r·srcStride bytes) and writes its transpose:
  ;; column c of the block becomes the 4 floats at dst + c·dstStride. Eight lane shuffles
  ;; instead of sixteen scalar loads and stores.
  (func $transpose4x4 (param $src i32) (param $srcStride i32) (param $dst i32) (param $dstStride i32)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $r0 (v128.load (local.get $src)))
    (local.set $r1 (v128.load (i32.add (local.get $src) (local.get $srcStride))))
    (local.set $r2 (v128.load (i32.add (local.get $src) (i32.shl (local.get $srcStride) (i32.const 1)))))
    (local.set $r3 (v128.load (i32.add (local.get $src) (i32.mul (local.get $srcStride) (i32.const 3)))))
    ;; t0 = a0 b0 a1 b1, t1 = a2 b2 a3 b3, t2 = c0 d0 c1 d1, t3 = c2 d2 c3 d3
    (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r0) (local.get $r1)))
    (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r0) (local.get $r1)))
    (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r2) (local.get $r3)))
    (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r2) (local.get $r3)))
    ;; column c = a_c b_c c_c d_c
    (v128.store (local.get $dst)
      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
    (v128.store (i32.add (local.get $dst) (local.get $dstStride))
      (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
    (v128.store (i32.add (local.get $dst) (i32.shl (local.get $dstStride) (i32.const 1)))
      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
    (v128.store (i32.add (local.get $dst) (i32.mul (local.get $dstStride) (i32.const 3)))
      (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3))))

  ;; Packs one panel: for p < kc, lane l < width (4 or 8):
  ;;   dst[p·width + l] = l < valid ? src[p·pstride + l·lstride] : 0      (strides in floats)
  ;; One of the strides is always 1. Lanes contiguous in the source (lstride = 1) copy as whole
  ;; vectors; lanes strided in the source (the transposed operand) are transposed 4×4 at a
  ;; time. Ragged panels and the last kc mod 4 steps are gathered one float at a time.
  (func $pack (param $src i32) (param $pstride i32) (param $lstride i32) (param $width i32) (param $valid i32) (param $kc i32) (param $dst i32)
    (local $p i32) (local $l i32) (local $pbytes i32) (local $lbytes i32) (local $row i32) (local $rowBytes i32) (local $end4 i32)
    (local.set $pbytes (i32.shl (local.get $pstride) (i32.const 2)))
    (local.set $lbytes (i32.shl (local.get $lstride) (i32.const 2)))
    (local.set $rowBytes (i32.shl (local.get $width) (i32.const 2)))
    (if (i32.and (i32.eq (local.get $lstride) (i32.const 1)) (i32.eq (local.get $valid) (local.get $width)))
      (then
        (if (i32.eq (local.get $width) (i32.const 8))
          (then
            (loop $p8
              (v128.store (local.get $dst) (v128.load (local.get $src)))
              (v128.store offset=16 (local.get $dst) (v128.load offset=16 (local.get $src)))
              (local.set $src (i32.add (local.get $src) (local.get $pbytes)))
              (local.set $dst (i32.add (local.get $dst) (i32.const 32)))
              (local.set $p (i32.add (local.get $p) (i32.const 1)))
              (br_if $p8 (i32.lt_u (local.get $p) (local.get $kc)))))
          (else
            (loop $p4
              (v128.store (local.get $dst) (v128.load (local.get $src)))
              (local.set $src (i32.add (local.get $src) (local.get $pbytes)))
              (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
              (local.set $p (i32.add (local.get $p) (i32.const 1)))
              (br_if $p4 (i32.lt_u (local.get $p) (local.get $kc))))))
        (return)))
    (if (i32.and (i32.eq (local.get $pstride) (i32.const 1)) (i32.eq (local.get $valid) (local.get $width)))
      (then
        (local.set $end4 (i32.and (local.get $kc) (i32.const -4)))
        (block $done
          (loop $t
            (br_if $done (i32.ge_u (local.get $p) (local.get $end4)))
            (call $transpose4x4 (local.get $src) (local.get $lbytes) (local.get $dst) (local.get $rowBytes))
            (if (i32.eq (local.get $width) (i32.const 8))
              (then
                (call $transpose4x4
                  (i32.add (local.get $src) (i32.shl (local.get $lbytes) (i32.const 2))) (local.get $lbytes)
                  (i32.add (local.get $dst) (i32.const 16)) (local.get $rowBytes))))
            (local.set $src (i32.add (local.get $src) (i32.const 16)))
            (local.set $dst (i32.add (local.get $dst) (i32.shl (local.get $rowBytes) (i32.const 2))))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (br $t)))))
    (block $finished
      (loop $pg
        (br_if $finished (i32.ge_u (local.get $p) (local.get $kc)))
        (local.set $row (local.get $src))
        (local.set $l (i32.const 0))
        (loop $lg
          ;; lanes past `valid` are padding: never read them, they may lie outside the operand
          (f32.store (local.get $dst)
            (if (result f32) (i32.lt_u (local.get $l) (local.get $valid))
              (then (f32.load (local.get $row)))
              (else (f32.const 0))))
          (local.set $row (i32.add (local.get $row) (local.get $lbytes)))
          (local.set $dst (i32.add (local.get $dst) (i32.const 4)))
          (local.set $l (i32.add (local.get $l) (i32.const 1)))
          (br_if $lg (i32.lt_u (local.get $l) (local.get $width))))
        (local.set $src (i32.add (local.get $src) (local.get $pbytes)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pg))))

;; The one-column product C[m×1] = op(A)·b (a layer's single output unit, and its weight
  ;; gradient hᵀ·dy), rows [rowStart, rowEnd). In the general loop such a product fills one of
  ;; each tile's 8 columns and packs b one float at a time; here 4 rows of C are one vector and
  ;; each step multiplies a packed A column by one broadcast b(p), 8× less arithmetic.
  ;; It is a specialisation of gemm_f32, not a second definition: every element is computed with
  ;; the same float32 operations in the same order as the general loop computes it (there, the
  ;; 4×8 edge tile and $store_edge): per KC slab a sum from 0 of a(i,p)·b(p) for p ascending, each
  ;; product and sum rounded; later slabs add their sum to the earlier ones' (slab + stored); then
  ;; prior, bias, max(·, 0). test/matmul-thin.test.ts checks the bits against the general loop.
  (func $gemm_column
    (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $k i32) (param $transA i32)
    (param $prior i32) (param $bias i32) (param $flags i32) (param $packA i32) (param $tile i32)
    (param $rowStart i32) (param $rowEnd i32)
    (local $aRow i32) (local $aDeep i32) (local $ir i32) (local $mr i32) (local $pc i32) (local $kc i32)
    (local $pa i32) (local $pb i32) (local $end i32) (local $sum v128) (local $total v128) (local $at i32)
    (if (local.get $transA)
      (then (local.set $aRow (i32.const 1)) (local.set $aDeep (local.get $m)))
      (else (local.set $aRow (local.get $k)) (local.set $aDeep (i32.const 1))))
    (local.set $ir (local.get $rowStart))
    (loop $rows
      (local.set $mr (call $min (i32.const 4) (i32.sub (local.get $rowEnd) (local.get $ir))))
      (local.set $pc (i32.const 0))
      (loop $slabs
        (local.set $kc (call $min (global.get $KC) (i32.sub (local.get $k) (local.get $pc))))
        (call $pack
          (i32.add (local.get $a) (i32.shl
            (i32.add (i32.mul (local.get $ir) (local.get $aRow)) (i32.mul (local.get $pc) (local.get $aDeep)))
            (i32.const 2)))
          (local.get $aDeep) (local.get $aRow) (i32.const 4) (local.get $mr) (local.get $kc) (local.get $packA))
        (local.set $sum (v128.const i32x4 0 0 0 0))
        (local.set $pa (local.get $packA))
        (local.set $pb (i32.add (local.get $b) (i32.shl (local.get $pc) (i32.const 2))))
        (local.set $end (i32.add (local.get $pb) (i32.shl (local.get $kc) (i32.const 2))))
        (loop $p
          (local.set $sum (f32x4.add (local.get $sum)
            (f32x4.mul (v128.load32_splat (local.get $pb)) (v128.load (local.get $pa)))))
          (local.set $pa (i32.add (local.get $pa) (i32.const 16)))
          (local.set $pb (i32.add (local.get $pb) (i32.const 4)))
          (br_if $p (i32.lt_u (local.get $pb) (local.get $end))))
        (local.set $total (if (result v128) (local.get $pc)
          (then (f32x4.add (local.get $sum) (local.get $total)))
          (else (local.get $sum))))
        (local.set $pc (i32.add (local.get $pc) (global.get $KC)))
        (br_if $slabs (i32.lt_u (local.get $pc) (local.get $k))))
      (local.set $at (i32.shl (local.get $ir) (i32.const 2)))
      (if (i32.eq (local.get $mr) (i32.const 4))
        (then
          (if (i32.and (local.get $flags) (i32.const 1))
            (then (local.set $total (f32x4.add (local.get $total) (v128.load (i32.add (local.get $prior) (local.get $at)))))))
          (if (i32.and (local.get $flags) (i32.const 2))
            (then (local.set $total (f32x4.add (local.get $total) (v128.load32_splat (local.get $bias))))))
          (if (i32.and (local.get $flags) (i32.const 4))
            (then (local.set $total (f32x4.max (local.get $total) (f32x4.splat (f32.const 0))))))
          (v128.store (i32.add (local.get $c) (local.get $at)) (local.get $total)))
        (else
          ;; a ragged last group: its rows as a 4×8 tile's first column, stored as the edge is
          (f32.store (local.get $tile) (f32x4.extract_lane 0 (local.get $total)))
          (f32.store offset=32 (local.get $tile) (f32x4.extract_lane 1 (local.get $total)))
          (f32.store offset=64 (local.get $tile) (f32x4.extract_lane 2 (local.get $total)))
          (f32.store offset=96 (local.get $tile) (f32x4.extract_lane 3 (local.get $total)))
          (call $store_edge (local.get $tile) (i32.add (local.get $c) (local.get $at)) (i32.const 4) (local.get $mr) (i32.const 1)
            (i32.const 0) (local.get $flags) (i32.add (local.get $prior) (local.get $at)) (local.get $bias))))
      (local.set $ir (i32.add (local.get $ir) (i32.const 4)))
      (br_if $rows (i32.lt_u (local.get $ir) (local.get $rowEnd)))))

;; Products of one or two rows, C[m×n] with m ≤ 2 (the first layer's weight gradient xᵀ·dy of
  ;; a 2-input network): columns [colStart, colEnd), rows [rowStart, rowEnd). The general loop
  ;; runs them as 4×8 edge tiles, half of each empty, after gathering A one float at a time; here
  ;; two rows of an 8-column panel are summed together, reading A in place and B in place when it
  ;; is stored [k, n] (else packed as the general loop packs it). Like $gemm_column, a
  ;; specialisation with the general loop's float32 operations in its order (per slab a sum from 0
  ;; of a(i,p)·b(p,j), p ascending; later slabs add to the earlier sum; the epilogue through
  ;; $store_edge); test/matmul-thin.test.ts checks the bits. With one row, it is computed twice.
  (func $gemm_rows
    (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $n i32) (param $k i32)
    (param $transA i32) (param $transB i32) (param $prior i32) (param $bias i32) (param $flags i32)
    (param $packB i32) (param $tile i32)
    (param $rowStart i32) (param $rowEnd i32) (param $colStart i32) (param $colEnd i32)
    (local $aRow i32) (local $aDeep i32) (local $bDeep i32) (local $bCol i32) (local $ldc i32)
    (local $jc i32) (local $nr i32) (local $i i32) (local $pc i32) (local $kc i32) (local $p i32)
    (local $pa0 i32) (local $pa1 i32) (local $aStep i32) (local $pb i32) (local $bStep i32) (local $at i32)
    (local $x v128) (local $b0 v128) (local $b1 v128)
    (local $s00 v128) (local $s01 v128) (local $s10 v128) (local $s11 v128)
    (local $t00 v128) (local $t01 v128) (local $t10 v128) (local $t11 v128)
    (if (local.get $transA)
      (then (local.set $aRow (i32.const 1)) (local.set $aDeep (local.get $m)))
      (else (local.set $aRow (local.get $k)) (local.set $aDeep (i32.const 1))))
    (if (local.get $transB)
      (then (local.set $bDeep (i32.const 1)) (local.set $bCol (local.get $k)))
      (else (local.set $bDeep (local.get $n)) (local.set $bCol (i32.const 1))))
    (local.set $ldc (i32.shl (local.get $n) (i32.const 2)))
    (local.set $aStep (i32.shl (local.get $aDeep) (i32.const 2)))
    (local.set $jc (local.get $colStart))
    (loop $panels
      (local.set $nr (call $min (i32.const 8) (i32.sub (local.get $colEnd) (local.get $jc))))
      (local.set $i (local.get $rowStart))
      (loop $pairs
        (local.set $pc (i32.const 0))
        (loop $slabs
          (local.set $kc (call $min (global.get $KC) (i32.sub (local.get $k) (local.get $pc))))
          (if (i32.and (i32.eqz (local.get $transB)) (i32.eq (local.get $nr) (i32.const 8)))
            (then
              (local.set $pb (i32.add (local.get $b) (i32.shl
                (i32.add (i32.mul (local.get $pc) (local.get $n)) (local.get $jc)) (i32.const 2))))
              (local.set $bStep (local.get $ldc)))
            (else
              (call $pack
                (i32.add (local.get $b) (i32.shl
                  (i32.add (i32.mul (local.get $pc) (local.get $bDeep)) (i32.mul (local.get $jc) (local.get $bCol)))
                  (i32.const 2)))
                (local.get $bDeep) (local.get $bCol) (i32.const 8) (local.get $nr) (local.get $kc) (local.get $packB))
              (local.set $pb (local.get $packB))
              (local.set $bStep (i32.const 32))))
          (local.set $pa0 (i32.add (local.get $a) (i32.shl
            (i32.add (i32.mul (local.get $i) (local.get $aRow)) (i32.mul (local.get $pc) (local.get $aDeep))) (i32.const 2))))
          ;; the second row of the pair, or the first again when it is the last row
          (local.set $pa1 (i32.add (local.get $pa0) (select (i32.shl (local.get $aRow) (i32.const 2)) (i32.const 0)
            (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $rowEnd)))))
          (local.set $s00 (v128.const i32x4 0 0 0 0))
          (local.set $s01 (v128.const i32x4 0 0 0 0))
          (local.set $s10 (v128.const i32x4 0 0 0 0))
          (local.set $s11 (v128.const i32x4 0 0 0 0))
          (local.set $p (i32.const 0))
          (loop $steps
            (local.set $b0 (v128.load (local.get $pb)))
            (local.set $b1 (v128.load offset=16 (local.get $pb)))
            (local.set $x (v128.load32_splat (local.get $pa0)))
            (local.set $s00 (f32x4.add (local.get $s00) (f32x4.mul (local.get $x) (local.get $b0))))
            (local.set $s01 (f32x4.add (local.get $s01) (f32x4.mul (local.get $x) (local.get $b1))))
            (local.set $x (v128.load32_splat (local.get $pa1)))
            (local.set $s10 (f32x4.add (local.get $s10) (f32x4.mul (local.get $x) (local.get $b0))))
            (local.set $s11 (f32x4.add (local.get $s11) (f32x4.mul (local.get $x) (local.get $b1))))
            (local.set $pb (i32.add (local.get $pb) (local.get $bStep)))
            (local.set $pa0 (i32.add (local.get $pa0) (local.get $aStep)))
            (local.set $pa1 (i32.add (local.get $pa1) (local.get $aStep)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br_if $steps (i32.lt_u (local.get $p) (local.get $kc))))
          (if (local.get $pc)
            (then
              (local.set $t00 (f32x4.add (local.get $s00) (local.get $t00)))
              (local.set $t01 (f32x4.add (local.get $s01) (local.get $t01)))
              (local.set $t10 (f32x4.add (local.get $s10) (local.get $t10)))
              (local.set $t11 (f32x4.add (local.get $s11) (local.get $t11))))
            (else
              (local.set $t00 (local.get $s00))
              (local.set $t01 (local.get $s01))
              (local.set $t10 (local.get $s10))
              (local.set $t11 (local.get $s11))))
          (local.set $pc (i32.add (local.get $pc) (global.get $KC)))
          (br_if $slabs (i32.lt_u (local.get $pc) (local.get $k))))
        (v128.store (local.get $tile) (local.get $t00))
        (v128.store offset=16 (local.get $tile) (local.get $t01))
        (v128.store offset=32 (local.get $tile) (local.get $t10))
        (v128.store offset=48 (local.get $tile) (local.get $t11))
        (local.set $at (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $jc)) (i32.const 2)))
        (call $store_edge (local.get $tile) (i32.add (local.get $c) (local.get $at)) (local.get $ldc)
          (call $min (i32.const 2) (i32.sub (local.get $rowEnd) (local.get $i))) (local.get $nr)
          (i32.const 0) (local.get $flags) (i32.add (local.get $prior) (local.get $at))
          (i32.add (local.get $bias) (i32.shl (local.get $jc) (i32.const 2))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br_if $pairs (i32.lt_u (local.get $i) (local.get $rowEnd))))
      (local.set $jc (i32.add (local.get $jc) (i32.const 8)))
      (br_if $panels (i32.lt_u (local.get $jc) (local.get $colEnd)))))

;; Products one or two deep (k ≤ 2: a 2-input network's first layer x·W, and dy·Wᵀ below a
  ;; one-unit layer): rows [rowStart, rowEnd), columns [colStart, colEnd). The general loop packs
  ;; A one float at a time and calls its micro-kernel, epilogue and all, for every 4×8 tile to do
  ;; two rank-1 updates; here an 8-column panel of B (and its bias) is loaded once and every row
  ;; of C is one or two broadcast multiply-adds into it. Like $gemm_column, a specialisation with
  ;; the general loop's float32 operations in its order (0 + a(i,0)·b(0,j), then + a(i,1)·b(1,j);
  ;; then prior, bias, max(·, 0), as in $kernel_4x8); test/matmul-thin.test.ts checks the bits.
  (func $gemm_shallow
    (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $n i32) (param $k i32)
    (param $transA i32) (param $transB i32) (param $prior i32) (param $bias i32) (param $flags i32)
    (param $packB i32) (param $tile i32)
    (param $rowStart i32) (param $rowEnd i32) (param $colStart i32) (param $colEnd i32)
    (local $aRow i32) (local $aDeep i32) (local $bDeep i32) (local $bCol i32) (local $ldc i32)
    (local $jc i32) (local $nr i32) (local $i i32) (local $pa i32) (local $at i32)
    (local $x v128) (local $b00 v128) (local $b01 v128) (local $b10 v128) (local $b11 v128)
    (local $bias0 v128) (local $bias1 v128) (local $s0 v128) (local $s1 v128)
    (if (local.get $transA)
      (then (local.set $aRow (i32.const 1)) (local.set $aDeep (local.get $m)))
      (else (local.set $aRow (local.get $k)) (local.set $aDeep (i32.const 1))))
    (if (local.get $transB)
      (then (local.set $bDeep (i32.const 1)) (local.set $bCol (local.get $k)))
      (else (local.set $bDeep (local.get $n)) (local.set $bCol (i32.const 1))))
    (local.set $ldc (i32.shl (local.get $n) (i32.const 2)))
    (local.set $jc (local.get $colStart))
    (loop $panels
      (local.set $nr (call $min (i32.const 8) (i32.sub (local.get $colEnd) (local.get $jc))))
      (call $pack
        (i32.add (local.get $b) (i32.shl (i32.mul (local.get $jc) (local.get $bCol)) (i32.const 2)))
        (local.get $bDeep) (local.get $bCol) (i32.const 8) (local.get $nr) (local.get $k) (local.get $packB))
      (local.set $b00 (v128.load (local.get $packB)))
      (local.set $b01 (v128.load offset=16 (local.get $packB)))
      (if (i32.eq (local.get $k) (i32.const 2))
        (then
          (local.set $b10 (v128.load offset=32 (local.get $packB)))
          (local.set $b11 (v128.load offset=48 (local.get $packB)))))
      (if (i32.and (i32.eq (local.get $nr) (i32.const 8)) (i32.ne (i32.and (local.get $flags) (i32.const 2)) (i32.const 0)))
        (then
          (local.set $bias0 (v128.load (i32.add (local.get $bias) (i32.shl (local.get $jc) (i32.const 2)))))
          (local.set $bias1 (v128.load offset=16 (i32.add (local.get $bias) (i32.shl (local.get $jc) (i32.const 2)))))))
      (local.set $i (local.get $rowStart))
      (loop $rows
        (local.set $pa (i32.add (local.get $a) (i32.shl (i32.mul (local.get $i) (local.get $aRow)) (i32.const 2))))
        (local.set $x (v128.load32_splat (local.get $pa)))
        (local.set $s0 (f32x4.add (v128.const i32x4 0 0 0 0) (f32x4.mul (local.get $x) (local.get $b00))))
        (local.set $s1 (f32x4.add (v128.const i32x4 0 0 0 0) (f32x4.mul (local.get $x) (local.get $b01))))
        (if (i32.eq (local.get $k) (i32.const 2))
          (then
            (local.set $x (v128.load32_splat (i32.add (local.get $pa) (i32.shl (local.get $aDeep) (i32.const 2)))))
            (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $x) (local.get $b10))))
            (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.get $x) (local.get $b11))))))
        (local.set $at (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $jc)) (i32.const 2)))
        (if (i32.eq (local.get $nr) (i32.const 8))
          (then
            (if (i32.and (local.get $flags) (i32.const 1))
              (then
                (local.set $s0 (f32x4.add (local.get $s0) (v128.load (i32.add (local.get $prior) (local.get $at)))))
                (local.set $s1 (f32x4.add (local.get $s1) (v128.load offset=16 (i32.add (local.get $prior) (local.get $at)))))))
            (if (i32.and (local.get $flags) (i32.const 2))
              (then
                (local.set $s0 (f32x4.add (local.get $s0) (local.get $bias0)))
                (local.set $s1 (f32x4.add (local.get $s1) (local.get $bias1)))))
            (if (i32.and (local.get $flags) (i32.const 4))
              (then
                (local.set $s0 (f32x4.max (local.get $s0) (f32x4.splat (f32.const 0))))
                (local.set $s1 (f32x4.max (local.get $s1) (f32x4.splat (f32.const 0))))))
            (v128.store (i32.add (local.get $c) (local.get $at)) (local.get $s0))
            (v128.store offset=16 (i32.add (local.get $c) (local.get $at)) (local.get $s1)))
          (else
            (v128.store (local.get $tile) (local.get $s0))
            (v128.store offset=16 (local.get $tile) (local.get $s1))
            (call $store_edge (local.get $tile) (i32.add (local.get $c) (local.get $at)) (local.get $ldc) (i32.const 1) (local.get $nr)
              (i32.const 0) (local.get $flags) (i32.add (local.get $prior) (local.get $at))
              (i32.add (local.get $bias) (i32.shl (local.get $jc) (i32.const 2))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $rows (i32.lt_u (local.get $i) (local.get $rowEnd))))
      (local.set $jc (i32.add (local.get $jc) (i32.const 8)))
      (br_if $panels (i32.lt_u (local.get $jc) (local.get $colEnd)))))

  (func $min (param $x i32) (param $y i32) (result i32)
    (select (local.get $x) (local.get $y) (i32.lt_u (local.get $x) (local.get $y))))

  ;; C[m×n] = relu?(prior? + op(A)·op(B) + bias?). A is stored [m, k] ([k, m] when transA), B is
  ;; stored [k, n] ([n, k] when transB), C and prior are [m, n], bias is [n], all row-major
  ;; float32. flags: bit 0 adds prior (C += A·B: the host copies the old C there, which may be C
  ;; itself only when k ≤ KC, since deeper products store partial sums in C), bit 1 adds bias to
  ;; every row, bit 2 takes max(·, 0); each after the full product, rounded as its own pass.
  ;; packA, packB: scratch of at least roundUp(MC, 4)·KC and roundUp(NC, 8)·KC floats; tile: 32
  ;; floats. Requires m, n, k ≥ 1 (and for gemm_f32_part, rowStart < rowEnd ≤ m, colStart < colEnd ≤ n).
  (func (export "gemm_f32")
    (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $n i32) (param $k i32)
    (param $transA i32) (param $transB i32) (param $prior i32) (param $bias i32) (param $flags i32)
    (param $packA i32) (param $packB i32) (param $tile i32)
    (call $gemm_part (local.get $a) (local.get $b) (local.get $c) (local.get $m) (local.get $n) (local.get $k)
      (local.get $transA) (local.get $transB) (local.get $prior) (local.get $bias) (local.get $flags)
      (local.get $packA) (local.get $packB) (local.get $tile)
      (i32.const 0) (local.get $m) (i32.const 0) (local.get $n)))

  ;; gemm_f32 on the block rows [rowStart, rowEnd) × columns [colStart, colEnd) of C alone, with
  ;; its own packA, packB and tile: the worker pool (kernels/threads/) hands each thread one such
  ;; block of one product. Every element of C is summed over the same KC slices in the same order
  ;; whatever block it falls in, so any split gives the bits of the whole call.
  (func $gemm_part (export "gemm_f32_part")
    (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $n i32) (param $k i32)
    (param $transA i32) (param $transB i32) (param $prior i32) (param $bias i32) (param $flags i32)
    (param $packA i32) (param $packB i32) (param $tile i32)
    (param $rowStart i32) (param $rowEnd i32) (param $colStart i32) (param $colEnd i32)
    ;; A(i, p) = a[i·aRow + p·aDeep], B(p, j) = b[p·bDeep + j·bCol]   (strides in floats)
    (local $aRow i32) (local $aDeep i32) (local $bDeep i32) (local $bCol i32)
    (local $jc i32) (local $nc i32) (local $pc i32) (local $kc i32) (local $ic i32) (local $mc i32)
    (local $jr i32) (local $ir i32) (local $nr i32) (local $mr i32) (local $acc i32)
    (local $ldc i32) (local $panelA i32) (local $panelB i32) (local $cTile i32) (local $last i32)
    (local $inPlace i32) (local $lda i32)
    (if (local.get $transA)
      (then (local.set $aRow (i32.const 1)) (local.set $aDeep (local.get $m)))
      (else (local.set $aRow (local.get $k)) (local.set $aDeep (i32.const 1))))
    (if (local.get $transB)
      (then (local.set $bDeep (i32.const 1)) (local.set $bCol (local.get $k)))
      (else (local.set $bDeep (local.get $n)) (local.set $bCol (i32.const 1))))
    (if (i32.eq (local.get $n) (i32.const 1))
      (then
        (call $gemm_column (local.get $a) (local.get $b) (local.get $c) (local.get $m) (local.get $k) (local.get $transA)
          (local.get $prior) (local.get $bias) (local.get $flags) (local.get $packA) (local.get $tile)
          (local.get $rowStart) (local.get $rowEnd))
        (return)))
    (if (i32.le_u (local.get $m) (i32.const 2))
      (then
        (call $gemm_rows (local.get $a) (local.get $b) (local.get $c) (local.get $m) (local.get $n) (local.get $k)
          (local.get $transA) (local.get $transB) (local.get $prior) (local.get $bias) (local.get $flags)
          (local.get $packB) (local.get $tile) (local.get $rowStart) (local.get $rowEnd) (local.get $colStart) (local.get $colEnd))
        (return)))
    (if (i32.le_u (local.get $k) (i32.const 2))
      (then
        (call $gemm_shallow (local.get $a) (local.get $b) (local.get $c) (local.get $m) (local.get $n) (local.get $k)
          (local.get $transA) (local.get $transB) (local.get $prior) (local.get $bias) (local.get $flags)
          (local.get $packB) (local.get $tile) (local.get $rowStart) (local.get $rowEnd) (local.get $colStart) (local.get $colEnd))
        (return)))
    (local.set $ldc (i32.shl (local.get $n) (i32.const 2)))
    ;; A stored [m, k]: the 4 floats of a whole panel's k step lie one row apart in A itself, so
    ;; the kernel reads them there (row stride lda = 4k bytes) and nothing is packed but a ragged
    ;; last panel, which the kernel could only read past A's end. A stored [k, m] (transA) stays
    ;; packed: its pack is a plain copy, and the in-place panel would jump 4m bytes a step, which
    ;; measured slower on deep products ((784×256)ᵀ·784×128: +5–15 %).
    (local.set $inPlace (i32.eqz (local.get $transA)))
    (local.set $jc (local.get $colStart))
    (loop $jcLoop
      (local.set $nc (call $min (global.get $NC) (i32.sub (local.get $colEnd) (local.get $jc))))
      (local.set $pc (i32.const 0))
      (loop $pcLoop
        (local.set $kc (call $min (global.get $KC) (i32.sub (local.get $k) (local.get $pc))))
        (local.set $acc (i32.ne (local.get $pc) (i32.const 0)))
        ;; the epilogue flags, on the last slab only
        (local.set $last (select (local.get $flags) (i32.const 0) (i32.ge_u (i32.add (local.get $pc) (local.get $kc)) (local.get $k))))
        ;; B panels for this (pc, jc) block: panel jr/8 starts at packB + jr·kc floats
        (local.set $jr (i32.const 0))
        (loop $packBLoop
          (call $pack
            (i32.add (local.get $b) (i32.shl
              (i32.add (i32.mul (local.get $pc) (local.get $bDeep)) (i32.mul (i32.add (local.get $jc) (local.get $jr)) (local.get $bCol)))
              (i32.const 2)))
            (local.get $bDeep) (local.get $bCol) (i32.const 8)
            (call $min (i32.const 8) (i32.sub (local.get $nc) (local.get $jr)))
            (local.get $kc)
            (i32.add (local.get $packB) (i32.shl (i32.mul (local.get $jr) (local.get $kc)) (i32.const 2))))
          (local.set $jr (i32.add (local.get $jr) (i32.const 8)))
          (br_if $packBLoop (i32.lt_u (local.get $jr) (local.get $nc))))
        (local.set $ic (local.get $rowStart))
        (loop $icLoop
          (local.set $mc (call $min (global.get $MC) (i32.sub (local.get $rowEnd) (local.get $ic))))
          ;; A panels for this (ic, pc) block: panel ir/4 starts at packA + ir·kc floats. With A
          ;; read in place, only the ragged last panel (mc mod 4 rows) is packed, if there is one.
          (local.set $ir (select (i32.and (local.get $mc) (i32.const -4)) (i32.const 0) (local.get $inPlace)))
          (block $packed
            (loop $packALoop
              (br_if $packed (i32.ge_u (local.get $ir) (local.get $mc)))
              (call $pack
                (i32.add (local.get $a) (i32.shl
                  (i32.add (i32.mul (i32.add (local.get $ic) (local.get $ir)) (local.get $aRow)) (i32.mul (local.get $pc) (local.get $aDeep)))
                  (i32.const 2)))
                (local.get $aDeep) (local.get $aRow) (i32.const 4)
                (call $min (i32.const 4) (i32.sub (local.get $mc) (local.get $ir)))
                (local.get $kc)
                (i32.add (local.get $packA) (i32.shl (i32.mul (local.get $ir) (local.get $kc)) (i32.const 2))))
              (local.set $ir (i32.add (local.get $ir) (i32.const 4)))
              (br $packALoop)))
          ;; B panel outer, A panel inner: the 8·kc-float B panel stays in L1 while A streams.
          (local.set $jr (i32.const 0))
          (loop $jrLoop
            (local.set $nr (call $min (i32.const 8) (i32.sub (local.get $nc) (local.get $jr))))
            (local.set $panelB (i32.add (local.get $packB) (i32.shl (i32.mul (local.get $jr) (local.get $kc)) (i32.const 2))))
            (local.set $ir (i32.const 0))
            (loop $irLoop
              (local.set $mr (call $min (i32.const 4) (i32.sub (local.get $mc) (local.get $ir))))
              (if (i32.and (local.get $inPlace) (i32.eq (local.get $mr) (i32.const 4)))
                (then
                  (local.set $panelA (i32.add (local.get $a) (i32.shl
                    (i32.add (i32.mul (i32.add (local.get $ic) (local.get $ir)) (local.get $aRow)) (i32.mul (local.get $pc) (local.get $aDeep)))
                    (i32.const 2))))
                  (local.set $lda (i32.shl (local.get $aRow) (i32.const 2))))
                (else
                  (local.set $panelA (i32.add (local.get $packA) (i32.shl (i32.mul (local.get $ir) (local.get $kc)) (i32.const 2))))
                  (local.set $lda (i32.const 0))))
              (local.set $cTile (i32.add (local.get $c) (i32.shl
                (i32.add (i32.mul (i32.add (local.get $ic) (local.get $ir)) (local.get $n)) (i32.add (local.get $jc) (local.get $jr)))
                (i32.const 2))))
              (if (i32.and (i32.eq (local.get $mr) (i32.const 4)) (i32.eq (local.get $nr) (i32.const 8)))
                (then
                  (call $kernel_4x8 (local.get $panelA) (local.get $lda) (local.get $panelB) (local.get $kc) (local.get $cTile) (local.get $ldc) (local.get $acc)
                    (local.get $last) (i32.add (local.get $prior) (i32.sub (local.get $cTile) (local.get $c)))
                    (i32.add (local.get $bias) (i32.shl (i32.add (local.get $jc) (local.get $jr)) (i32.const 2)))))
                (else
                  (call $kernel_4x8 (local.get $panelA) (local.get $lda) (local.get $panelB) (local.get $kc) (local.get $tile) (i32.const 32) (i32.const 0)
                    (i32.const 0) (i32.const 0) (i32.const 0))
                  (call $store_edge (local.get $tile) (local.get $cTile) (local.get $ldc) (local.get $mr) (local.get $nr) (local.get $acc)
                    (local.get $last) (i32.add (local.get $prior) (i32.sub (local.get $cTile) (local.get $c)))
                    (i32.add (local.get $bias) (i32.shl (i32.add (local.get $jc) (local.get $jr)) (i32.const 2))))))
              (local.set $ir (i32.add (local.get $ir) (i32.const 4)))
              (br_if $irLoop (i32.lt_u (local.get $ir) (local.get $mc))))
            (local.set $jr (i32.add (local.get $jr) (i32.const 8)))
            (br_if $jrLoop (i32.lt_u (local.get $jr) (local.get $nc))))
          (local.set $ic (i32.add (local.get $ic) (global.get $MC)))
          (br_if $icLoop (i32.lt_u (local.get $ic) (local.get $rowEnd))))
        (local.set $pc (i32.add (local.get $pc) (global.get $KC)))
        (br_if $pcLoop (i32.lt_u (local.get $pc) (local.get $k))))
      (local.set $jc (i32.add (local.get $jc) (global.get $NC)))
      (br_if $jcLoop (i32.lt_u (local.get $jc) (local.get $colEnd)))))
)
