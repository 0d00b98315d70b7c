import type { DType, Tensor } from "@nn/tensor";
import { Residual } from "../containers/residual.js";
import { Sequential } from "../containers/sequential.js";
import { Dense } from "../dense.js";
import type { Layer } from "../layer.js";
import { BatchNorm1d } from "../norms/batch-norm.js";
import { LayerNorm } from "../norms/layer-norm.js";
import { SafetensorsError } from "./safetensors-error.js";
import type { SafetensorsDType } from "./safetensors-format.js";

/**
 * Whose names and layouts a file uses. `nn`: the model's own state dict (`layers.0.weight`, Dense
 * weights [in, out]). `pytorch`: what `state_dict()` of the matching `torch.nn.Sequential` holds
 * (`0.weight`, Linear weights [out, in], `num_batches_tracked` as int64).
 */
export type SafetensorsNaming = "pytorch" | "nn";

/** One of the model's tensors as a file holds it. */
export interface BridgedTensor {
  /** The key in the file. */
  readonly name: string;
  /** For messages: the layer and where it sits, and which of its tensors (`Dense(2→8) "layers.0" weight`). */
  readonly owner: string;
  /** The model's tensor (read when saving, written when loading). */
  readonly value: Tensor;
  /** `transposed`: the file holds value's transpose (a Linear weight in PyTorch's [out, in]). */
  readonly layout: "same" | "transposed";
  readonly dtype: SafetensorsDType;
  readonly shape: readonly number[];
}

export function fileDType(dtype: DType): SafetensorsDType {
  return dtype === "float64" ? "F64" : "F32";
}

/** The model's tensors under nn's own state-dict names, as they are. */
export function nnTensors(model: Sequential): BridgedTensor[] {
  return [...model.parameters(), ...model.buffers()].map((p) => ({
    name: p.name,
    owner: p.name,
    value: p.value,
    layout: "same" as const,
    dtype: fileDType(p.value.dtype),
    shape: p.value.shape.slice(),
  }));
}

/**
 * The model's tensors under the names PyTorch gives the same module tree: a Sequential's children
 * are `0`, `1`, … (nn's `layers.0`, `layers.1`), a Residual's block is `block` (the generated
 * Python module keeps it in an attribute of that name). `firstIndex` shifts the top-level
 * numbering when modules come before the model's layers (the input standardisation is module 0).
 * Walked with an explicit stack, so nesting depth costs no call stack.
 */
export function pytorchTensors(model: Sequential, firstIndex = 0): BridgedTensor[] {
  const out: BridgedTensor[] = [];
  const pending: { layer: Layer; nnPath: string; torchPrefix: string }[] = model.layers
    .map((layer, i) => ({ layer, nnPath: `layers.${i}`, torchPrefix: `${i + firstIndex}.` }))
    .reverse();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { layer, nnPath, torchPrefix } = next;
    const own = (name: string, value: Tensor, extra: Partial<BridgedTensor> = {}): void => {
      out.push({ name: torchPrefix + name, owner: `${layer.describe()} "${nnPath}" ${name}`, value, layout: "same", dtype: fileDType(value.dtype), shape: value.shape.slice(), ...extra });
    };
    if (layer instanceof Sequential) {
      for (let i = layer.layers.length - 1; i >= 0; i--) pending.push({ layer: layer.layers[i], nnPath: `${nnPath}.layers.${i}`, torchPrefix: `${torchPrefix}${i}.` });
    } else if (layer instanceof Residual) {
      pending.push({ layer: layer.block, nnPath: `${nnPath}.block`, torchPrefix: `${torchPrefix}block.` });
    } else if (layer instanceof Dense) {
      const w = layer.weight.value;
      own("weight", w, { layout: "transposed", shape: [w.shape[1], w.shape[0]] });
      if (layer.bias !== null) own("bias", layer.bias.value);
    } else if (layer instanceof BatchNorm1d) {
      own("weight", layer.weight.value);
      own("bias", layer.bias.value);
      own("running_mean", layer.runningMean.value);
      own("running_var", layer.runningVar.value);
      own("num_batches_tracked", layer.numBatchesTracked.value, { dtype: "I64" });
    } else if (layer instanceof LayerNorm) {
      own("weight", layer.weight.value);
      own("bias", layer.bias.value);
    } else if (layer.parameters().length > 0 || layer.buffers().length > 0) {
      throw new SafetensorsError("", `${layer.describe()} at "${nnPath}" has no PyTorch counterpart that nn knows; use naming "nn"`);
    }
  }
  return out;
}
