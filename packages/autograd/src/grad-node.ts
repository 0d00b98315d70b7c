import type { Tensor } from "@nn/tensor";
import type { Variable } from "./variable.js";

/**
 * A vector-Jacobian product: given g = ∂L/∂y for the op's output y, returns ∂L/∂xᵢ for each
 * input xᵢ whose `needs[i]` is true (entries for the others may be undefined; a needed one must
 * be a tensor of that input's shape). It must not write into `g`, keep `g`, or keep or write into
 * a tensor it returned: gradients are shared between uses, and their buffers are reused once
 * consumed. It may return `g` itself or `g.reshape(…)`, but no other view of g's memory, and
 * must not keep `needs` or `into` (the pass reuses them).
 *
 * `into[i]`, when given, is the `grad` of a leaf input (of g's dtype): the VJP may ADD its
 * contribution into it and return undefined for that input, which saves a buffer and a pass
 * (this package's ops do: a bias gradient is summed straight into the bias's grad). A VJP that
 * ignores `into` and returns tensors is always correct.
 */
export type VectorJacobianProduct = (g: Tensor, needs: readonly boolean[], into?: ReadonlyArray<Tensor | undefined>) => ReadonlyArray<Tensor | undefined>;

/**
 * One recorded operation: the tape entry behind a result. `vjp` holds the forward values the
 * backward pass needs; `backward()` sets it to null afterwards (unless `retainGraph`), which frees
 * them and marks the graph as used.
 */
export interface GradNode {
  /** The op's name, as in error messages (`matmul`). */
  readonly op: string;
  readonly inputs: readonly Variable[];
  vjp: VectorJacobianProduct | null;
  /**
   * Scratch tensors only this node's VJP reads, taken from this package's pool; `backward()`
   * gives them back when it frees the node. Ops of this package only.
   */
  scratch?: Tensor[];
}
