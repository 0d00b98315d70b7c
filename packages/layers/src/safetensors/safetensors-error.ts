/**
 * A safetensors file that cannot be read, or whose tensors do not fit the model. The message names
 * the tensor (or the part of the file) and what was expected: `safetensors: tensor "0.weight" has
 * shape [2, 8] but the model needs [8, 2] (Dense(2→8) "layers.0" weight, in PyTorch's [out, in] layout)`.
 */
export class SafetensorsError extends Error {
  override name = "SafetensorsError";
  /** The tensor's name in the file, or "" when the problem is the file as a whole. */
  readonly tensor: string;

  constructor(tensor: string, problem: string) {
    super(tensor === "" ? `safetensors: ${problem}` : `safetensors: tensor ${JSON.stringify(tensor)} ${problem}`);
    this.tensor = tensor;
  }
}
