import { makeMoons } from "@nn/datasets";
import { BinaryCrossEntropy, Dense, ReLU, Sequential, Sigmoid } from "@nn/layers";
import { Adam } from "@nn/optim";
import { type Tensor, createRng, randn, zeros } from "@nn/tensor";
import {
  Variable, add, binaryCrossEntropy, grad, matmul, mean, mseLoss, mul, noGrad, pow, relu, sigmoid, softplus, sub, tanh,
} from "@nn/autograd";

// The seed network, 2→64→32→1 with ReLU and a sigmoid output, on two moons, in float64.
const { x, y: labels } = makeMoons({ n: 200, noise: 0.1, seed: 0, dtype: "float64" });
const y = labels.reshape([-1, 1]);
const rng = createRng(1);
const model = new Sequential([
  new Dense(2, 64, { rng, dtype: "float64" }), new ReLU({ dtype: "float64" }),
  new Dense(64, 32, { rng, dtype: "float64" }), new ReLU({ dtype: "float64" }),
  new Dense(32, 1, { rng, dtype: "float64" }), new Sigmoid({ dtype: "float64" }),
]);

// 1. Layers: a hand-written backward per layer.
const bce = new BinaryCrossEntropy();
bce.forward(model.forward(x), y);
model.backward(bce.backward());
const byLayers = model.parameters().map((p) => p.grad);

// 2. Autograd: the same arithmetic written with ops on variables (copies of the same weights).
const params = model.parameters().map((p) => new Variable(p.value.clone(), { requiresGrad: true, name: p.name }));
function mlp(ws: readonly Variable[], input: Tensor): Variable {
  let h: Variable | Tensor = input;
  for (let l = 0; l < ws.length; l += 2) {
    const z = add(matmul(h, ws[l]), ws[l + 1]);
    h = l + 2 < ws.length ? relu(z) : sigmoid(z);
  }
  return h as Variable;
}
binaryCrossEntropy(mlp(params, x), y).backward();
const byTape = params.map((p) => p.grad);

// 3. grad(f): the loss as a function of the weights, differentiated as a function.
const lossOf = (...ws: Variable[]): Variable => binaryCrossEntropy(mlp(ws, x), y);
const byGrad = grad(lossOf, { argnums: params.map((_, i) => i) })(...model.parameters().map((p) => p.value));

let largest = 0;
byLayers.forEach((g, i) => {
  for (let j = 0; j < g.size; j++) {
    largest = Math.max(largest, Math.abs(g.data[j] - byTape[i].data[j]), Math.abs(g.data[j] - byGrad[i].data[j]));
  }
});
console.log(`three ways, largest gradient difference: ${largest.toExponential(1)}`);

// Beyond Sequential, 1: focal loss (Lin et al. 2017), −(1 − p_t)^γ·log p_t, on logits z.
// log σ(z) = −softplus(−z) and log(1 − σ(z)) = −softplus(z) keep it finite for any z.
function focalLoss(z: Variable, t: Tensor, gamma = 2): Variable {
  const p = sigmoid(z);
  const positive = mul(mul(t, pow(sub(1, p), gamma)), softplus(mul(z, -1)));
  const negative = mul(mul(sub(1, t), pow(p, gamma)), softplus(z));
  return mean(add(positive, negative));
}
const ws = [[2, 16], [16], [16, 1], [1]].map((shape, i) => new Variable(
  i % 2 === 0 ? randn(shape, rng, { std: Math.sqrt(2 / shape[0]), dtype: "float64" }) : zeros(shape, "float64"),
  { requiresGrad: true, name: `focal${i}` },
));
const logits = (input: Tensor): Variable => add(matmul(relu(add(matmul(input, ws[0]), ws[1])), ws[2]), ws[3]);
const focalOptimizer = new Adam(ws, { lr: 0.02 });
for (let step = 0; step < 300; step++) {
  focalOptimizer.zeroGrad();
  focalLoss(logits(x), y).backward();
  focalOptimizer.step();
}
const correct = noGrad(() => logits(x)).value.data.filter((z, i) => (z > 0 ? 1 : 0) === y.data[i]).length;
console.log(`focal loss: ${correct}/200 moons classified correctly`);

// Beyond Sequential, 2: an autoencoder with tied weights, x̂ = tanh(x·W + b)·Wᵀ + c: W is used twice.
const basis = randn([2, 6], rng, { dtype: "float64" });
const data = noGrad(() => matmul(randn([128, 2], rng, { std: 0.3, dtype: "float64" }), basis)).value; // 6-D points on a plane
const W = new Variable(randn([6, 2], rng, { std: 0.3, dtype: "float64" }), { requiresGrad: true, name: "W" });
const b = new Variable(zeros([2], "float64"), { requiresGrad: true, name: "b" });
const c = new Variable(zeros([6], "float64"), { requiresGrad: true, name: "c" });
const reconstruct = (input: Tensor): Variable => add(matmul(tanh(add(matmul(input, W), b)), W, { transposeB: true }), c);
const before = noGrad(() => mseLoss(reconstruct(data), data)).item();
const aeOptimizer = new Adam([W, b, c], { lr: 0.02 });
for (let step = 0; step < 500; step++) {
  aeOptimizer.zeroGrad();
  mseLoss(reconstruct(data), data).backward();
  aeOptimizer.step();
}
const after = noGrad(() => mseLoss(reconstruct(data), data)).item();
console.log(`tied autoencoder: reconstruction error ${before.toFixed(3)} → ${after.toFixed(3)}`);
