export type { Layer, Mode } from "./layer.js";
export { type Parameter, type ParameterKind, type NamedBuffer, OwnParameter, PrefixedParameter, PrefixedBuffer, zeroGrad } from "./parameter.js";
export type { JsonValue, JsonObject, JsonCompatible, MetadataReader, LayerSpec } from "./json.js";
export { StringArray } from "./string-array.js";
export { LayerInputError, ModelFileError } from "./errors.js";
export { type InitScheme, INIT_SCHEMES, initializers, initWeight, initScale, fans, isInitScheme } from "./initializers.js";

export { Dense, type DenseOptions } from "./dense.js";
export { type ActivationOptions, ElementwiseActivation } from "./activations/elementwise.js";
export { ReLU } from "./activations/relu.js";
export { LeakyReLU, type LeakyReLUOptions } from "./activations/leaky-relu.js";
export { Sigmoid, sigmoid } from "./activations/sigmoid.js";
export { Tanh } from "./activations/tanh.js";
export { GELU, type GELUOptions } from "./activations/gelu.js";
export { erf, erfc, normalCdf } from "@nn/tensor";
export { ELU, type ELUOptions } from "./activations/elu.js";
export { SiLU } from "./activations/silu.js";
export { Softplus, type SoftplusOptions } from "./activations/softplus.js";
export { Softmax, type SoftmaxOptions } from "./activations/softmax.js";
export { Dropout, type DropoutOptions } from "./dropout.js";
export { BatchNorm1d, type BatchNorm1dOptions } from "./norms/batch-norm.js";
export { LayerNorm, type LayerNormOptions } from "./norms/layer-norm.js";
export { Residual } from "./containers/residual.js";
export { Sequential } from "./containers/sequential.js";

export { type Loss, ElementwiseLoss } from "./losses/loss.js";
export { BinaryCrossEntropyLoss } from "./losses/binary-cross-entropy.js";
export { BCEWithLogitsLoss } from "./losses/bce-with-logits.js";
export { SoftmaxCrossEntropyLoss, type SoftmaxCrossEntropyLossOptions } from "./losses/softmax-cross-entropy.js";
export { BinaryCrossEntropy, BCEWithLogits, SoftmaxCrossEntropy, type SoftmaxCrossEntropyOptions } from "./deprecated-names.js";
export { MSELoss } from "./losses/mse.js";
export { L1Loss } from "./losses/l1.js";
export { HuberLoss, type HuberLossOptions } from "./losses/huber.js";
export { L2Penalty, type L2PenaltyOptions } from "./losses/l2-penalty.js";

export { type ModelSummary, type SummaryRow } from "./summary.js";
export { type ModelFile, MODEL_FORMAT, MODEL_FORMAT_VERSION } from "./serialize/model-file.js";
export { type EncodedTensor } from "@nn/tensor";
export { type LayerFactory, layerFromJSON, registerLayer, registeredLayerTypes } from "./serialize/registry.js";
export { type DeclareWeights, type DeclaredWeight, type NestedSpec, type WeightDeclaration } from "./serialize/weight-plan.js";
export { MAX_DECLARED_WIDTH } from "./serialize/fields.js";

export { toSafetensors, type ToSafetensorsOptions } from "./safetensors/to-safetensors.js";
export { loadSafetensors, modelFromSafetensors, type LoadSafetensorsOptions, type LoadedSafetensors } from "./safetensors/load-safetensors.js";
export { toPyTorchSource, type PyTorchSourceOptions } from "./safetensors/pytorch-source.js";
export { type SafetensorsNaming } from "./safetensors/bridged-tensors.js";
export { type Standardize } from "./safetensors/standardize.js";
export { SafetensorsError } from "./safetensors/safetensors-error.js";
export { type SafetensorsDType, type SafetensorsTensor, decodeSafetensors } from "./safetensors/safetensors-format.js";
