/**
 * A scaler used before `fit` (scikit-learn's `NotFittedError`): it has no statistics to apply.
 * The message names the method: `StandardScaler.transform: call fit first`.
 */
export class NotFittedError extends Error {
  override name = "NotFittedError";
}
