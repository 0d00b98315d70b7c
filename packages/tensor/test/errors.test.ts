import { describe, expect, it } from "vitest";
import { ShapeError, Tensor, add, argmax, clip, exp, matmul, mean, ones, softmax, sum, tensor, transpose, zeros } from "../src/index.js";

/** Calls an op the way untyped JavaScript could, to check its runtime guards. */
const untyped = <F extends (...args: never[]) => unknown>(f: F) => f as unknown as (...args: unknown[]) => unknown;

describe("error messages name the op and the shapes", () => {
  it("matmul: inner dimensions differ, with ᵀ marking a transposed operand", () => {
    expect(() => matmul(zeros([3, 4]), zeros([5, 2]))).toThrow(new ShapeError("matmul: inner dimensions differ: [3,4] · [5,2]"));
    expect(() => matmul(zeros([3, 4]), zeros([5, 2]), { transposeA: true })).toThrow("matmul: inner dimensions differ: [3,4]ᵀ · [5,2]");
    expect(() => matmul(zeros([3]), zeros([3, 2]))).toThrow("matmul: both operands must be 2-D, got [3] · [3,2]");
  });

  it("broadcasting failures list both shapes", () => {
    expect(() => add(zeros([2, 3]), zeros([4]))).toThrow(new ShapeError("add: shapes do not broadcast: [2,3] and [4]"));
    expect(() => untyped(add)(1, 2)).toThrow("add: at least one operand must be a Tensor, got two numbers");
  });

  it("invalid shapes (negative, fractional, NaN) are refused, naming the dimension", () => {
    expect(() => zeros([2, -1])).toThrow("zeros: invalid shape [2,-1]: dimension 1 is -1; dimensions must be non-negative integers");
    expect(() => ones([1.5])).toThrow("ones: invalid shape [1.5]: dimension 0 is 1.5");
    expect(() => zeros([NaN])).toThrow("dimension 0 is NaN");
    expect(() => zeros([2, 3]).reshape([4, 2])).toThrow("reshape: cannot reshape [2,3] (6 elements) into [4,2]");
  });

  it("out of the wrong shape or dtype is refused, saying which", () => {
    expect(() => add(zeros([2, 3]), 1, zeros([3]))).toThrow("add: out has shape [3] but the result has shape [2,3]");
    expect(() => exp(zeros([2], "float64"), zeros([2], "float32"))).toThrow("exp: out has dtype float32 but the result has dtype float64");
    expect(() => sum(zeros([2, 3]), 0, false, zeros([3], "float64"))).toThrow("sum: out has dtype float64 but the result has dtype float32");
    expect(() => argmax(zeros([2, 3]), 1, false, zeros([2]))).toThrow("argmax: out has dtype float32 but the result has dtype float64");
    expect(() => matmul(zeros([2, 3]), zeros([3, 4]), { out: zeros([4, 2]) })).toThrow("matmul: out has shape [4,2] but the result has shape [2,4]");
  });

  it("axes out of range are refused with the rank", () => {
    expect(() => sum(zeros([2, 3]), 2)).toThrow("sum: axis 2 is out of range for a tensor of rank 2");
    expect(() => softmax(zeros([2, 3]), -3)).toThrow("softmax: axis -3 is out of range for a tensor of rank 2");
    expect(() => mean(zeros([2]), 0.5)).toThrow("mean: axis 0.5 is out of range");
    expect(() => untyped(sum)(zeros([2]), "0")).toThrow("sum: axis must be an integer or undefined, got string");
  });

  it("out that overlaps an input where the op cannot allow it is refused", () => {
    const a = zeros([3, 3]);
    expect(() => matmul(a, zeros([3, 3]), { out: a })).toThrow(/matmul: out must not share memory with an input/);
    // [1,3] broadcast over [3,3]: writing row 0 would change the values later rows still read.
    const row = zeros([1, 3]);
    expect(() => add(zeros([3, 3]), row, row)).toThrow(/add: out has shape \[1,3\] but the result has shape \[3,3\]/);
    // A view of part of another tensor's buffer, through subarray, is caught too.
    const buffer = new Float32Array(8);
    const x = new Tensor(buffer.subarray(0, 4), [4]);
    const shifted = new Tensor(buffer.subarray(2, 6), [4]);
    expect(() => exp(x, shifted)).toThrow(/exp: out must not share memory with an input/);
    expect(() => transpose(zeros([2, 2]), undefined)).not.toThrow();
    const sq = zeros([2, 2]);
    expect(() => transpose(sq, sq)).toThrow(/transpose: out must not share memory/);
  });

  it("arguments of the wrong kind are named", () => {
    expect(() => untyped(exp)([1, 2])).toThrow("exp: a must be a Tensor, got an array");
    expect(() => untyped(matmul)(zeros([1, 1]), null)).toThrow("matmul: b must be a Tensor, got null");
    expect(() => clip(zeros([2]), 1, 0)).toThrow("clip: min must be <= max, got min 1, max 0");
    expect(() => clip(zeros([2]), NaN, 0)).toThrow(RangeError);
    expect(() => transpose(zeros([2, 2, 2]))).toThrow("transpose: expected a tensor of rank <= 2, got [2,2,2]");
    expect(() => tensor([[1, 2], [3]])).toThrow("tensor: ragged nested array: expected length 2 at value[1], got length 1");
  });
});
