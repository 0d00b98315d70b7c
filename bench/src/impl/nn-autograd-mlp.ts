import { Variable, binaryCrossEntropy, linear, noGrad, sigmoid, softmaxCrossEntropy } from "@nn/autograd";
import { SGD } from "@nn/optim";
import { type DType, Tensor } from "@nn/tensor";
import { type MlpSpec, initialParameters } from "../mlp-spec.js";
import type { ResettableTrainer } from "../trainer.js";
import { batchTensors } from "./nn-mlp.js";

/**
 * The same network written with @nn/autograd: the weights are variables, each layer is one
 * `linear` node (x·W + b, as PyTorch records `nn.Linear`; hidden layers with their ReLU fused, as
 * `Sequential` runs Dense + ReLU), the forward pass is recorded on the tape and `backward()`
 * replaces the layers' hand-written backward. Measures the cost of the tape against the `nn` row.
 */
export function nnAutogradTrainer(spec: MlpSpec, dtype: DType = "float32"): ResettableTrainer {
  const params: Variable[] = [];
  const copy = (a: Float32Array) => (dtype === "float64" ? Float64Array.from(a) : a.slice());
  spec.weights.forEach((w, l) => {
    params.push(new Variable(new Tensor(copy(w), [spec.sizes[l], spec.sizes[l + 1]]), { requiresGrad: true, name: `layers.${l}.weight` }));
    params.push(new Variable(new Tensor(copy(spec.biases[l]), [spec.sizes[l + 1]]), { requiresGrad: true, name: `layers.${l}.bias` }));
  });
  const batches = spec.batches.map((b) => batchTensors(spec, b, dtype));
  const evalSet = batchTensors(spec, spec.evalSet, dtype);
  const loss = (x: Tensor, y: Tensor): Variable => {
    let h: Variable | Tensor = x;
    for (let l = 0; l < params.length; l += 2) {
      // Hidden layers are Dense + ReLU in one operation, as the layers run them.
      h = linear(h, params[l], params[l + 1], { relu: l + 2 < params.length });
    }
    return spec.loss === "bce" ? binaryCrossEntropy(sigmoid(h), y) : softmaxCrossEntropy(h, y);
  };
  const optimizer = new SGD(params, { lr: spec.lr });
  let step = 0;
  const initial = initialParameters(spec);
  return {
    name: "nn autograd",
    reset() {
      params.forEach((p, i) => p.value.data.set(initial[i]));
      step = 0;
    },
    run() {
      const { x, y } = batches[step++ % batches.length];
      optimizer.zeroGrad();
      loss(x, y).backward();
      optimizer.step();
    },
    loss() {
      return noGrad(() => loss(evalSet.x, evalSet.y)).item();
    },
  };
}
