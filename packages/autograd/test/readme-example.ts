import { Adam } from "@nn/optim";
import { createRng, randn, tensor, zeros } from "@nn/tensor";
import { Variable, add, bceWithLogits, grad, matmul, mul, relu, sum, tanh } from "@nn/autograd";

// 1. A scalar expression, micrograd-style: every op is recorded, backward() walks the record.
const a = new Variable(tensor(2, "float64"), { requiresGrad: true });
const b = new Variable(tensor(-3, "float64"), { requiresGrad: true });
const c = tanh(add(mul(a, b), 5)); // tanh(a·b + 5) = tanh(−1)
c.backward();
console.log(`c = ${c.item().toFixed(4)}, dc/da = ${a.grad.toArray() as number}, dc/db = ${b.grad.toArray() as number}`);

// 2. The same derivative as a function (JAX's grad): d/dx Σ x² = 2x.
console.log(`grad = ${JSON.stringify(grad((x) => sum(mul(x, x)))(tensor([1, 2, 3], "float64")).toArray())}`);

// 3. A 2→16→1 network trained with Adam: its weights are variables, so the optimizer steps them.
const rng = createRng(0);
const x = randn([64, 2], rng);
const y = tensor(Array.from({ length: 64 }, (_, i) => [x.data[2 * i] * x.data[2 * i + 1] > 0 ? 1 : 0])); // XOR of the signs
const w1 = new Variable(randn([2, 16], rng), { requiresGrad: true, name: "w1" });
const b1 = new Variable(zeros([16]), { requiresGrad: true, name: "b1" });
const w2 = new Variable(randn([16, 1], rng, { std: 0.25 }), { requiresGrad: true, name: "w2" });
const b2 = new Variable(zeros([1]), { requiresGrad: true, name: "b2" });
const optimizer = new Adam([w1, b1, w2, b2], { lr: 0.05 });
let loss = Infinity;
for (let step = 0; step < 300; step++) {
  optimizer.zeroGrad();
  const logits = add(matmul(relu(add(matmul(x, w1), b1)), w2), b2);
  const l = bceWithLogits(logits, y);
  l.backward();
  optimizer.step();
  loss = l.item();
}
console.log(`loss after 300 Adam steps: ${loss.toFixed(3)}`);
