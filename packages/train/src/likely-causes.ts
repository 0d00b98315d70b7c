/**
 * Why a run likely failed, as data: the library words each cause for its own users
 * (`describeCause`), and a CLI can word the same cause in terms of its flags.
 */
export type LikelyCause =
  | { readonly kind: "unscaled-inputs"; readonly maxAbsInput: number }
  | { readonly kind: "learning-rate"; readonly lr: number; readonly suggested: number }
  | { readonly kind: "no-clipping" };

/** Inputs whose magnitude exceeds this are almost certainly not standardised (z-scores rarely pass 10). */
const UNSCALED_INPUT = 100;

/** The causes of a failed run, most likely first. `suggested`: a learning rate to try instead. */
export function likelyCauses(lr: number, maxAbsInput: number, clipping: boolean, suggested: number): LikelyCause[] {
  const causes: LikelyCause[] = [];
  if (maxAbsInput > UNSCALED_INPUT) causes.push({ kind: "unscaled-inputs", maxAbsInput });
  causes.push({ kind: "learning-rate", lr, suggested });
  if (!clipping) causes.push({ kind: "no-clipping" });
  return causes;
}

/** A cause in the library's terms: what to change in the code that calls `fit`. */
export function describeCause(cause: LikelyCause): string {
  switch (cause.kind) {
    case "unscaled-inputs":
      return `the inputs are not scaled (largest |x| is ${formatMagnitude(cause.maxAbsInput)}): standardise them, e.g. with StandardScaler from @nn/datasets`;
    case "learning-rate":
      return `the learning rate is too high (lr = ${String(cause.lr)}): ${cause.suggested === cause.lr / 10 ? "try one 10× smaller" : `try ${String(cause.suggested)} or lower`}`;
    case "no-clipping":
      return "exploding gradients: try clipGradNorm (e.g. 1)";
  }
}

export function formatCauses(causes: readonly LikelyCause[]): string {
  return causes.map((c, i) => `(${i + 1}) ${describeCause(c)}`).join("; ");
}

function formatMagnitude(x: number): string {
  return x >= 1e4 ? x.toExponential(1) : String(Math.round(x * 100) / 100);
}
