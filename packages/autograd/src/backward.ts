import { type Tensor, ShapeError, add, formatShape, full, kernels, ones, sameShape } from "@nn/tensor";
import type { Variable } from "./variable.js";

/**
 * Reverse-mode accumulation over the recorded graph (docs/math_derivations.md §AD.1, §AD.2).
 *
 * Two passes, both with explicit stacks (no recursion, so a 10,000-op chain cannot overflow):
 * 1. from `root`, visit every variable that requires a gradient and count, for each, how many
 *    recorded uses it has inside this graph;
 * 2. propagate: a variable's gradient is complete once every use has sent its contribution, and
 *    only then is its own vector-Jacobian product run (Kahn's topological order, reversed graph).
 */
export function runBackward(root: Variable, seedIn: Tensor | number | undefined, retainGraph: boolean): void {
  if (!root.requiresGrad) {
    throw new Error(`backward: ${root.toString()} does not require a gradient: no input had requiresGrad: true, or it was computed inside noGrad`);
  }
  const seed = seedGradient(root, seedIn);
  const uses = countUses(root);

  const pending = new Map<Variable, Tensor>([[root, seed]]);
  const ready: Variable[] = [root];
  while (ready.length > 0) {
    const v = ready.pop() as Variable;
    const g = pending.get(v) as Tensor;
    pending.delete(v);
    if (v.accumulatesGrad) accumulate(v, g);
    const node = v.gradFn;
    if (node === null) continue;
    const vjp = node.vjp;
    if (vjp === null) throw freedGraph(v);
    const inputs = node.inputs;
    const needs = inputs.map((input) => input.requiresGrad);
    const grads = vjp(g, needs);
    if (!retainGraph) node.vjp = null;
    for (let i = 0; i < inputs.length; i++) {
      if (!needs[i]) continue;
      const input = inputs[i];
      const gi = grads[i];
      if (gi === undefined || !sameShape(gi.shape, input.shape)) {
        const got = gi === undefined ? "no gradient" : `a gradient of shape ${formatShape(gi.shape)}`;
        throw new Error(`backward: ${node.op} returned ${got} for its input ${i} (${input.toString()}); a VJP must return one of the input's shape`);
      }
      const sofar = pending.get(input);
      pending.set(input, sofar === undefined ? gi : add(sofar, gi));
      const left = (uses.get(input) as number) - 1;
      uses.set(input, left);
      if (left === 0) ready.push(input);
    }
  }
}

/** Counts each variable's uses within the graph below `root`; throws before anything runs if part of it was freed. */
function countUses(root: Variable): Map<Variable, number> {
  const uses = new Map<Variable, number>([[root, 0]]);
  const stack: Variable[] = [root];
  while (stack.length > 0) {
    const v = stack.pop() as Variable;
    const node = v.gradFn;
    if (node === null) continue;
    if (node.vjp === null) throw freedGraph(v);
    for (const input of node.inputs) {
      if (!input.requiresGrad) continue;
      const count = uses.get(input);
      if (count === undefined) {
        uses.set(input, 1);
        stack.push(input);
      } else {
        uses.set(input, count + 1);
      }
    }
  }
  return uses;
}

function seedGradient(root: Variable, seed: Tensor | number | undefined): Tensor {
  if (seed === undefined) {
    if (root.size !== 1) {
      throw new ShapeError(
        `backward: ${root.toString()} is not a scalar; backward() without a seed needs a single-element result (reduce it with sum or mean first), or pass the gradient of the loss with respect to it: backward(seed) with seed of shape ${formatShape(root.shape)}`,
      );
    }
    return ones(root.shape, root.dtype);
  }
  if (typeof seed === "number") {
    if (root.size !== 1) {
      throw new ShapeError(`backward: a number seed needs a single-element result, got ${root.toString()}; pass a seed Tensor of shape ${formatShape(root.shape)}`);
    }
    return full(root.shape, seed, root.dtype);
  }
  if (!sameShape(seed.shape, root.shape)) {
    throw new ShapeError(`backward: seed has shape ${formatShape(seed.shape)} but ${root.toString()} has shape ${formatShape(root.shape)}`);
  }
  return seed;
}

/** grad += g in place, so optimizers and layers holding `grad` see the sum (PyTorch's accumulation). */
function accumulate(v: Variable, g: Tensor): void {
  const target = v.grad;
  const addend = g.dtype === target.dtype ? g : g.astype(target.dtype);
  if (target.size > 0) kernels().axpy(1, addend.data, target.data);
}

function freedGraph(v: Variable): Error {
  return new Error(
    `backward: the graph through ${v.toString()} was already freed by an earlier backward(); call the first backward with { retainGraph: true } to go through it twice, or recompute the forward pass`,
  );
}
