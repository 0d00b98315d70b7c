;; Element-wise passes, four floats at a time, named for what they compute: the positive part
;; max(x, 0) and where(x > 0, a, 0) (ReLU and its gradient), adding a vector to every row (a
;; bias), summing columns (a bias gradient) and y += α·x (gradient accumulation, the SGD update). Each is one pass over memory; the plain JavaScript
;; loops they replace spend most of their time converting every float32 load and store (and
;; ReLU's on a mispredicted branch), so even with the copies in and out these win.
;;
;; Pointers are byte offsets into the shared memory, counts are in floats. Every function
;; handles any count: whole vectors first, then the last count mod 4 one float at a time.
(module
  (import "env" "memory" (memory 1))

  ;; y[i] = max(x[i], 0). NaN stays NaN (as PyTorch's relu); y may be x.
  (func (export "positive_part_f32") (param $x i32) (param $y i32) (param $n i32)
    (local $end i32) (local $vecEnd i32) (local $zero v128)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $vecEnd (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $vdone
      (loop $v
        (br_if $vdone (i32.ge_u (local.get $x) (local.get $vecEnd)))
        (v128.store (local.get $y) (f32x4.max (v128.load (local.get $x)) (local.get $zero)))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (local.set $y (i32.add (local.get $y) (i32.const 16)))
        (br $v)))
    (block $sdone
      (loop $s
        (br_if $sdone (i32.ge_u (local.get $x) (local.get $end)))
        (f32.store (local.get $y) (f32.max (f32.load (local.get $x)) (f32.const 0)))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (local.set $y (i32.add (local.get $y) (i32.const 4)))
        (br $s))))

  ;; dx[i] = x[i] > 0 ? dy[i] : 0, as a bit mask: no branch to mispredict. dx may be dy.
  ;; docs/math_derivations.md (ReLU): d max(x, 0)/dx is 1 for x > 0 and 0 otherwise.
  (func (export "where_positive_f32") (param $x i32) (param $dy i32) (param $dx i32) (param $n i32)
    (local $end i32) (local $vecEnd i32) (local $zero v128)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $vecEnd (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $vdone
      (loop $v
        (br_if $vdone (i32.ge_u (local.get $x) (local.get $vecEnd)))
        (v128.store (local.get $dx)
          (v128.and (v128.load (local.get $dy)) (f32x4.gt (v128.load (local.get $x)) (local.get $zero))))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (local.set $dy (i32.add (local.get $dy) (i32.const 16)))
        (local.set $dx (i32.add (local.get $dx) (i32.const 16)))
        (br $v)))
    (block $sdone
      (loop $s
        (br_if $sdone (i32.ge_u (local.get $x) (local.get $end)))
        (f32.store (local.get $dx)
          (select (f32.load (local.get $dy)) (f32.const 0) (f32.gt (f32.load (local.get $x)) (f32.const 0))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (local.set $dy (i32.add (local.get $dy) (i32.const 4)))
        (local.set $dx (i32.add (local.get $dx) (i32.const 4)))
        (br $s))))

  ;; y[r, j] += b[j] for a row-major y [rows, cols] and b [cols].
  (func (export "add_to_rows_f32") (param $y i32) (param $b i32) (param $rows i32) (param $cols i32)
    (local $r i32) (local $j i32) (local $vecCols i32) (local $row i32)
    (local.set $vecCols (i32.and (local.get $cols) (i32.const -4)))
    (block $rdone
      (loop $rloop
        (br_if $rdone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $row (i32.add (local.get $y) (i32.shl (i32.mul (local.get $r) (local.get $cols)) (i32.const 2))))
        (local.set $j (i32.const 0))
        (block $vdone
          (loop $v
            (br_if $vdone (i32.ge_u (local.get $j) (local.get $vecCols)))
            (v128.store (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))
              (f32x4.add
                (v128.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))))
                (v128.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $v)))
        (block $sdone
          (loop $s
            (br_if $sdone (i32.ge_u (local.get $j) (local.get $cols)))
            (f32.store (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2)))
              (f32.add
                (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))))
                (f32.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $s)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rloop))))

  ;; out[j] += Σ_r y[r, j]: the bias gradient of a dense layer, Σ over the batch of dy.
  ;; Rows are added into out in order, so each column is summed as a plain float32 loop would.
  (func (export "add_column_sums_f32") (param $y i32) (param $out i32) (param $rows i32) (param $cols i32)
    (local $r i32) (local $j i32) (local $vecCols i32) (local $row i32)
    (local.set $vecCols (i32.and (local.get $cols) (i32.const -4)))
    (block $rdone
      (loop $rloop
        (br_if $rdone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $row (i32.add (local.get $y) (i32.shl (i32.mul (local.get $r) (local.get $cols)) (i32.const 2))))
        (local.set $j (i32.const 0))
        (block $vdone
          (loop $v
            (br_if $vdone (i32.ge_u (local.get $j) (local.get $vecCols)))
            (v128.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2)))
              (f32x4.add
                (v128.load (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))))
                (v128.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $v)))
        (block $sdone
          (loop $s
            (br_if $sdone (i32.ge_u (local.get $j) (local.get $cols)))
            (f32.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2)))
              (f32.add
                (f32.load (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))))
                (f32.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 2))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $s)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rloop))))

  ;; y[i] += α·x[i]: gradient accumulation (α = 1) and the plain SGD update (α = −lr).
  (func (export "add_scaled_f32") (param $y i32) (param $x i32) (param $alpha f32) (param $n i32)
    (local $end i32) (local $vecEnd i32) (local $a v128)
    (local.set $a (f32x4.splat (local.get $alpha)))
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $vecEnd (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $vdone
      (loop $v
        (br_if $vdone (i32.ge_u (local.get $x) (local.get $vecEnd)))
        (v128.store (local.get $y)
          (f32x4.add (v128.load (local.get $y)) (f32x4.mul (local.get $a) (v128.load (local.get $x)))))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (local.set $y (i32.add (local.get $y) (i32.const 16)))
        (br $v)))
    (block $sdone
      (loop $s
        (br_if $sdone (i32.ge_u (local.get $x) (local.get $end)))
        (f32.store (local.get $y)
          (f32.add (f32.load (local.get $y)) (f32.mul (local.get $alpha) (f32.load (local.get $x)))))
        (local.set $x (i32.add (local.get $x) (i32.const 4)))
        (local.set $y (i32.add (local.get $y) (i32.const 4)))
        (br $s))))
)
