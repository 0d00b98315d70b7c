import type { Tensor } from "@nn/tensor";
import type { Variable } from "./variable.js";

/**
 * A vector-Jacobian product: given g = ∂L/∂y for the op's output y, returns ∂L/∂xᵢ for each
 * input xᵢ whose `needs[i]` is true (entries for the others may be undefined; a needed one must be a tensor of that input's shape). It must not
 * write into `g` or into any tensor it returns later: gradients are shared, never mutated.
 */
export type VectorJacobianProduct = (g: Tensor, needs: readonly boolean[]) => ReadonlyArray<Tensor | undefined>;

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
}
