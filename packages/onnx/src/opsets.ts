/** Operator sets nn writes and reads: 13 fixes Softmax's axis semantics; ONNX Runtime 1.30 runs up to 21+. */
export const MIN_OPSET = 13;
export const MAX_OPSET = 21;

/** The IR version each opset was released with (onnx/docs/Versioning.md). */
export function irVersionFor(opset: number): number {
  if (opset <= 14) return 7;
  if (opset <= 18) return 8;
  if (opset <= 20) return 9;
  return 10;
}
