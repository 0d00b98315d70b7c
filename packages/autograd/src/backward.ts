import { type Tensor, ShapeError, add, formatShape, kernels, sameShape } from "@nn/tensor";
import { giveTensor, takeTensor } from "./buffer-pool.js";
import { beginPass, endPass, gradTensor, heldOnce, hold, release, releaseIfUnheld } from "./gradient-buffers.js";
import { awaitRecycling, recycleWaitingValues } from "./value-recycling.js";
import type { GradNode } from "./grad-node.js";
import type { Variable } from "./variable.js";

/**
 * Reverse-mode accumulation over the recorded graph (docs/math_derivations.md §AD.1, §AD.2).
 *
 * Two passes, both with explicit stacks (no recursion, so a 10,000-op chain cannot overflow):
 * 1. from `root`, visit every variable that requires a gradient and count, for each result of an
 *    op, how many recorded uses it has inside this graph;
 * 2. propagate: a result's gradient is complete once every use has sent its contribution, and
 *    only then is its own vector-Jacobian product run (Kahn's topological order, reversed graph).
 *    A leaf's contributions go straight into its `grad` as they arrive (VJPs may add them there
 *    themselves), so no partial sum is kept for leaves.
 *
 * Gradients passed between VJPs live in pooled buffers that return to the pool once consumed;
 * the values of the freed graph are recycled by the next backward (value-recycling.ts).
 */
/** Set while a pass runs: the bookkeeping lives on the variables, so passes cannot nest. */
let running = false;
const needsByArity: boolean[][] = [];
const intoByArity: Array<Array<Tensor | undefined>> = [];

export function runBackward(root: Variable, seedIn: Tensor | number | undefined, retainGraph: boolean): void {
  if (!root.requiresGrad) {
    throw new Error(`backward: ${root.toString()} does not require a gradient: no input had requiresGrad: true, or it was computed inside noGrad`);
  }
  if (running) {
    throw new Error(`backward: ${root.toString()}.backward() was called from inside a vector-Jacobian product while another backward() is running; a VJP must compute its gradients with tensor operations, not with a nested backward()`);
  }
  const seed = seedGradient(root, seedIn);
  const results = countUses(root);
  recycleWaitingValues();
  // The result backward starts from is the caller's: its value is never recycled.
  root.pin();
  const previous = beginPass();
  running = true;
  try {
    if (root.gradFn === null) accumulate(root, seed);
    else propagate(root, seed, retainGraph);
  } finally {
    running = false;
    for (const into of intoByArity) into?.fill(undefined); // hold no leaf's grad past the pass
    endPass(previous);
    for (const v of results) v.pendingGrad = undefined;
    // A seed made here was only read during the pass (leaves and retained grads copy it).
    if (seed !== seedIn) giveTensor(seed);
  }
  if (!retainGraph) awaitRecycling(results);
}

function propagate(root: Variable, seed: Tensor, retainGraph: boolean): void {
  root.pendingGrad = seed;
  const ready: Variable[] = [root];
  while (ready.length > 0) {
    const v = ready.pop() as Variable;
    const g = v.pendingGrad as Tensor;
    v.pendingGrad = undefined;
    if (v.accumulatesGrad) accumulate(v, g);
    const node = v.gradFn as GradNode;
    const vjp = node.vjp;
    if (vjp === null) throw freedGraph(v);
    const inputs = node.inputs;
    const n = inputs.length;
    // One pair of arrays per arity for the whole pass (passes do not nest; VJPs do not keep them).
    const needs = (needsByArity[n] ??= new Array<boolean>(n));
    // A leaf's own grad, offered to the VJP to add its contribution into directly.
    const into = (intoByArity[n] ??= new Array<Tensor | undefined>(n));
    for (let i = 0; i < n; i++) {
      const input = inputs[i];
      needs[i] = input.requiresGrad;
      into[i] = needs[i] && input.gradFn === null && input.grad.dtype === g.dtype ? input.grad : undefined;
    }
    const grads = vjp(g, needs, into);
    if (!retainGraph) {
      node.vjp = null;
      if (node.scratch !== undefined) for (const t of node.scratch.splice(0)) giveTensor(t);
    }
    // Partial sums of results first, so that a buffer returned for a leaf and for a result alike
    // is held before the leaf's use of it is released.
    for (let i = 0; i < n; i++) {
      const input = inputs[i];
      if (!needs[i] || input.gradFn === null) continue;
      const gi = checked(node.op, i, input, grads[i]);
      const sofar = input.pendingGrad;
      if (sofar === undefined) {
        hold(gi);
        input.pendingGrad = gi;
      } else if (heldOnce(sofar) && sofar.data !== gi.data) {
        kernels().addScaled(1, gi.data, sofar.data);
      } else {
        const sum = add(sofar, gi, gradTensor(sofar.shape, sofar.dtype));
        release(sofar);
        hold(sum);
        input.pendingGrad = sum;
      }
      if (--input.usesLeft === 0) ready.push(input);
    }
    for (let i = 0; i < n; i++) {
      const input = inputs[i];
      if (!needs[i] || input.gradFn !== null) continue;
      if (into[i] !== undefined && grads[i] === undefined) continue; // added into grad by the VJP
      accumulate(input, checked(node.op, i, input, grads[i]));
    }
    for (let i = 0; i < n; i++) {
      const gi = grads[i];
      if (needs[i] && gi !== undefined) releaseIfUnheld(gi);
    }
    release(g);
  }
}

function checked(op: string, i: number, input: Variable, gi: Tensor | undefined): Tensor {
  if (gi === undefined || !sameShape(gi.shape, input.shape)) {
    const got = gi === undefined ? "no gradient" : `a gradient of shape ${formatShape(gi.shape)}`;
    throw new Error(`backward: ${op} returned ${got} for its input ${i} (${input.toString()}); a VJP must return one of the input's shape`);
  }
  return gi;
}

let passes = 0;

/**
 * Counts the uses of each op result within the graph below `root` (leaves are not counted: their
 * gradients are added as they come) and returns those results; throws before anything runs if
 * part of the graph was freed.
 */
function countUses(root: Variable): Variable[] {
  const pass = ++passes;
  root.pass = pass;
  root.usesLeft = 0;
  const results: Variable[] = [root];
  if (root.gradFn === null) return results;
  const stack: Variable[] = [root];
  while (stack.length > 0) {
    const v = stack.pop() as Variable;
    const node = v.gradFn as GradNode;
    if (node.vjp === null) throw freedGraph(v);
    for (const input of node.inputs) {
      if (!input.requiresGrad || input.gradFn === null) continue;
      if (input.pass !== pass) {
        input.pass = pass;
        input.usesLeft = 1;
        input.pendingGrad = undefined;
        results.push(input);
        stack.push(input);
      } else {
        input.usesLeft++;
      }
    }
  }
  return results;
}

function seedGradient(root: Variable, seed: Tensor | number | undefined): Tensor {
  if (seed === undefined) {
    if (root.size !== 1) {
      throw new ShapeError(
        `backward: ${root.toString()} is not a scalar; backward() without a seed needs a single-element result (reduce it with sum or mean first), or pass the gradient of the loss with respect to it: backward(seed) with seed of shape ${formatShape(root.shape)}`,
      );
    }
    return filled(root, 1);
  }
  if (typeof seed === "number") {
    if (root.size !== 1) {
      throw new ShapeError(`backward: a number seed needs a single-element result, got ${root.toString()}; pass a seed Tensor of shape ${formatShape(root.shape)}`);
    }
    return filled(root, seed);
  }
  if (!sameShape(seed.shape, root.shape)) {
    throw new ShapeError(`backward: seed has shape ${formatShape(seed.shape)} but ${root.toString()} has shape ${formatShape(root.shape)}`);
  }
  // Every VJP receives a gradient in its output's dtype (or a wider one a later op promoted to).
  return seed.dtype === root.dtype ? seed : seed.astype(root.dtype);
}

function filled(root: Variable, value: number): Tensor {
  const t = takeTensor(root.shape, root.dtype);
  t.data.fill(value);
  return t;
}

/** grad += g in place, so optimizers and layers holding `grad` see the sum (PyTorch's accumulation). */
function accumulate(v: Variable, g: Tensor): void {
  const target = v.grad;
  const addend = g.dtype === target.dtype ? g : g.astype(target.dtype);
  if (target.size > 0) kernels().addScaled(1, addend.data, target.data);
}

function freedGraph(v: Variable): Error {
  return new Error(
    `backward: the graph through ${v.toString()} was already freed by an earlier backward(); call the first backward with { retainGraph: true } to go through it twice, or recompute the forward pass`,
  );
}
