/** A model nn cannot export, or a graph it cannot import; the message names the layer or node. */
export class OnnxConversionError extends Error {
  override name = "OnnxConversionError";
}
