import { Variable, add, binaryCrossEntropy, matmul, noGrad, relu, sigmoid, softmaxCrossEntropy } from "@nn/autograd";
import { SGD } from "@nn/optim";
import { Tensor } from "@nn/tensor";
import type { Batch, MlpSpec } from "../mlp-spec.js";
import type { Trainer } from "../trainer.js";

/**
 * The same network written with @nn/autograd: the weights are variables, the forward pass is
 * recorded on the tape and `backward()` replaces the layers' hand-written backward. Measures the
 * cost of the tape against the `nn` row.
 */
export function nnAutogradTrainer(spec: MlpSpec): Trainer {
  const params: Variable[] = [];
  spec.weights.forEach((w, l) => {
    params.push(new Variable(new Tensor(w.slice(), [spec.sizes[l], spec.sizes[l + 1]]), { requiresGrad: true, name: `layers.${l}.weight` }));
    params.push(new Variable(new Tensor(spec.biases[l].slice(), [spec.sizes[l + 1]]), { requiresGrad: true, name: `layers.${l}.bias` }));
  });
  const toTensors = (b: Batch): { x: Tensor; y: Tensor } => ({
    x: new Tensor(b.x, [b.rows, spec.sizes[0]]),
    y: spec.loss === "bce" ? new Tensor(b.y, [b.rows, 1]) : new Tensor(b.y, [b.rows]),
  });
  const batches = spec.batches.map(toTensors);
  const evalSet = toTensors(spec.evalSet);
  const loss = (x: Tensor, y: Tensor): Variable => {
    let h: Variable | Tensor = x;
    for (let l = 0; l < params.length; l += 2) {
      const z = add(matmul(h, params[l]), params[l + 1]);
      h = l + 2 < params.length ? relu(z) : z;
    }
    return spec.loss === "bce" ? binaryCrossEntropy(sigmoid(h), y) : softmaxCrossEntropy(h, y);
  };
  const optimizer = new SGD(params, { lr: spec.lr });
  let step = 0;
  return {
    name: "nn autograd",
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
