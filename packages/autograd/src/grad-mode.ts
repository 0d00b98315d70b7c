let enabled = true;

/** Whether operations are being recorded for backward (false inside `noGrad`). */
export function isGradEnabled(): boolean {
  return enabled;
}

/**
 * Runs `fn` without recording anything: results computed inside have `requiresGrad: false` and
 * no graph, so nothing is kept alive for a backward pass (PyTorch's `torch.no_grad()`). Use it
 * for evaluation and for updating parameters by hand. Nests; the previous mode is restored even
 * when `fn` throws.
 */
export function noGrad<T>(fn: () => T): T {
  const previous = enabled;
  enabled = false;
  try {
    return fn();
  } finally {
    enabled = previous;
  }
}
