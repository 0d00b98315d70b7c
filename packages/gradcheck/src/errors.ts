/** A check that cannot be run meaningfully (float32 without `cast`, non-deterministic forward, bad option). */
export class GradcheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GradcheckError";
  }
}
