/**
 * Known engine differences awaiting issue 16's own functions: items that still differ between Node
 * and Chromium because their float64 path calls `Math.exp` & co., whose last bits differ between
 * engines. This list only shrinks: the suite fails when a listed item agrees (delete it here) and
 * when an unlisted item differs. Empty means the guarantee holds for everything the scenario covers.
 */
export const KNOWN_ENGINE_DIFFERENCES_AWAITING_ISSUE_16: readonly string[] = [
  // Math.tanh.
  "layer/GELU(tanh)/float64/js",
  "layer/GELU(tanh)/float64/wasm",
  "layer/Tanh/float64/js",
  "layer/Tanh/float64/wasm",
  // Adam's bias corrections 1 − βᵗ use `**`, which is Math.pow.
  "optimizer/Adam+CosineAnnealingLR/float64/js",
  "optimizer/Adam+CosineAnnealingLR/float64/wasm",
  "optimizer/AdamW+CosineAnnealingLR/float64/js",
  "optimizer/AdamW+CosineAnnealingLR/float64/wasm",
  "train/moons-adam/float64/js",
  "train/moons-adam/float64/wasm",
];
