import { add, argmax, createRng, div, matmul, randn, softmax, sub, sum, tensor, zeros } from "@nn/tensor";

// A batch of 4 inputs with 3 features, and a linear layer 3 → 2, all seeded.
const rng = createRng(42);
const x = randn([4, 3], rng, { dtype: "float64" });
const w = randn([3, 2], rng, { dtype: "float64" });
const b = tensor([0.5, -0.5], "float64");

// logits = x·W + b: the bias row [2] broadcasts over the batch [4, 2].
const logits = add(matmul(x, w), b);
export const probs = softmax(logits); // along the last axis: each row sums to 1
export const rowSums = sum(probs, 1); // [4]
export const predicted = argmax(probs, 1); // [4], class indices

// Stable on large inputs: no overflow where exp(1000) would be Infinity.
export const big = softmax(tensor([1000, 1000, 1000, 1000])).toArray(); // [0.25, 0.25, 0.25, 0.25]

// Softmax cross-entropy's gradient with respect to the logits is (p − y) / n.
const y = tensor([[1, 0], [0, 1], [0, 1], [1, 0]], "float64"); // one-hot targets
const dLogits = div(sub(probs, y), 4);
// dW = xᵀ·dLogits: matmul reads x transposed without materialising xᵀ and writes into a
// preallocated tensor, so a training loop allocates nothing.
export const dW = zeros([3, 2], "float64");
matmul(x, dLogits, { transposeA: true, out: dW });

console.log({ rowSums: rowSums.toArray(), predicted: predicted.toArray(), big, dW: dW.toArray() });
