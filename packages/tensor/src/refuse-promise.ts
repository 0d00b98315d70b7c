/**
 * Refuses a Promise where a value was expected, saying what probably happened: `loadModel` (and
 * every loader that reads a file) is async, and without `await` its Promise reaches the next call,
 * which would otherwise fail with "model.forward is not a function". Every package calls this on
 * the models it is given, so the message is the same everywhere.
 */
export function refusePromise(value: unknown, where: string, expected = "a model", loader = "loadModel"): void {
  if (typeof (value as { then?: unknown } | null | undefined)?.then === "function") {
    throw new TypeError(`${where}: expected ${expected}, got a Promise: did you forget await ${loader}(...)?`);
  }
}
