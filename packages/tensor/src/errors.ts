/** Raised for shapes that do not fit an op; the message names the op and every shape involved. */
export class ShapeError extends Error {
  override name = "ShapeError";
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(",")}]`;
}
