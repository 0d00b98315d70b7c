import { type Tensor, refusePromise } from "@nn/tensor";
import { assertLayer } from "./argument-checks.js";
import { GradcheckError } from "./errors.js";
import type { Layer } from "./types.js";

/** How error messages name a layer or loss: its `describe()`, else its class name. */
export function describeObject(obj: object): string {
  const described = (obj as { describe?: () => unknown }).describe;
  if (typeof described === "function") {
    const text = described.call(obj);
    if (typeof text === "string") return text;
  }
  return obj.constructor?.name ?? "object";
}

export interface Float64Layer {
  layer: Layer;
  /** True when `layer` is the caller's own object (float64 already), so its state must be restored. */
  inPlace: boolean;
  castFrom: "float32" | null;
}

/**
 * The layer to differentiate in float64. A float32 layer is replaced by its `cast('float64')`
 * deep copy (the original is never touched); in float32, central differences would drown in
 * rounding (ε ≈ 1.2e-7, so ε/h is about 0.1 at h = 1e-6).
 */
export function float64Layer(op: string, layer: Layer): Float64Layer {
  refusePromise(layer, op);
  assertLayer(op, layer);
  const isFloat32 = layer.dtype === "float32" || layer.parameters().some((p) => p.value.dtype === "float32");
  if (!isFloat32) return { layer, inPlace: true, castFrom: null };
  if (typeof layer.cast !== "function") {
    throw new GradcheckError(
      `${op}: ${describeObject(layer)} is float32 and has no cast(dtype) method; gradcheck needs a float64 copy (give the layer cast(), or build it with dtype 'float64')`,
    );
  }
  const copy = layer.cast("float64");
  assertLayer(op, copy);
  for (const p of copy.parameters()) {
    if (p.value.dtype !== "float64") {
      throw new GradcheckError(`${op}: ${describeObject(layer)}.cast('float64') returned a layer whose parameter "${p.name}" is still ${p.value.dtype}`);
    }
  }
  return { layer: copy, inPlace: false, castFrom: "float32" };
}

/** A float64 copy of `t` (always a copy: gradcheck perturbs it in place). */
export function float64Copy(t: Tensor): Tensor {
  return t.astype("float64");
}

/**
 * Snapshot of everything a check changes on a layer it runs in place (gradients, buffers such as
 * BatchNorm's running statistics); `restore()` writes the values back into the same tensors.
 */
export function snapshotState(layer: Layer): () => void {
  const grads = layer.parameters().map((p) => p.grad.data.slice());
  const buffers = (layer.buffers?.() ?? []).map((b) => b.value.data.slice());
  // Restored by position: parameters() and buffers() list the same tensors in the same order each call.
  return () => {
    layer.parameters().forEach((p, i) => {
      if (i < grads.length && p.grad.data.length === grads[i].length) p.grad.data.set(grads[i]);
    });
    (layer.buffers?.() ?? []).forEach((b, i) => {
      if (i < buffers.length && b.value.data.length === buffers[i].length) b.value.data.set(buffers[i]);
    });
  };
}
