import { Tensor } from "@nn/tensor";
import { GradcheckError } from "./errors.js";
import type { Layer, Loss } from "./types.js";

/** Argument checks shared by the three checks: clear errors instead of a deep stack trace. */

export function assertLayer(op: string, layer: unknown): asserts layer is Layer {
  const l = layer as Partial<Layer> | null;
  if (l === null || typeof l !== "object" || typeof l.forward !== "function" || typeof l.backward !== "function" || typeof l.parameters !== "function") {
    throw new TypeError(`${op}: expected a layer with forward(x, mode), backward(dy) and parameters(), got ${l === null ? "null" : typeof l}`);
  }
}

export function assertLoss(op: string, loss: unknown): asserts loss is Loss {
  const l = loss as Partial<Loss> | null;
  if (l === null || typeof l !== "object" || typeof l.forward !== "function" || typeof l.backward !== "function") {
    throw new TypeError(`${op}: expected a loss with forward(pred, target) and backward(), got ${l === null ? "null" : typeof l}`);
  }
}

export function assertTensor(op: string, what: string, t: unknown): asserts t is Tensor {
  if (!(t instanceof Tensor)) throw new TypeError(`${op}: ${what} must be a Tensor, got ${t === null ? "null" : typeof t}`);
}

export function requireFloat64Output(op: string, who: string, what: string, t: Tensor): void {
  if (t.dtype !== "float64") {
    throw new GradcheckError(`${op}: ${who} returned a ${t.dtype} ${what} for float64 inputs; gradcheck needs float64 arithmetic throughout (give it cast('float64') or a dtype option)`);
  }
}

export function requireShape(op: string, who: string, what: string, got: readonly number[], expected: readonly number[]): void {
  if (got.length !== expected.length || got.some((n, i) => n !== expected[i])) {
    throw new GradcheckError(`${op}: ${who} returned ${what} of shape [${got.join(", ")}], expected [${expected.join(", ")}]`);
  }
}
