import { type Parameter, Adam, CosineAnnealingLR, LinearWarmup, clipGradNorm } from "@nn/optim";
import { tensor, zeros } from "@nn/tensor";

// Fit y = 2x + 1 by least squares; the gradient of the mean squared error is written out by hand.
const xs = [-1, -0.5, 0, 0.5, 1];
const ys = xs.map((x) => 2 * x + 1);
const w: Parameter = { name: "w", value: tensor([0]), grad: zeros([1]) };
const b: Parameter = { name: "b", value: tensor([0]), grad: zeros([1]) };

const optimizer = new Adam([w, b], { lr: 0.1 });
const scheduler = new LinearWarmup(optimizer, {
  steps: 10,
  after: new CosineAnnealingLR(optimizer, { tMax: 290 }),
});

for (let step = 0; step < 300; step++) {
  optimizer.zeroGrad();
  for (let i = 0; i < xs.length; i++) {
    const error = w.value.data[0] * xs[i] + b.value.data[0] - ys[i];
    w.grad.data[0] += (2 * error * xs[i]) / xs.length;
    b.grad.data[0] += (2 * error) / xs.length;
  }
  clipGradNorm([w, b], 1);
  optimizer.step(); // uses optimizer.lr, which the scheduler set for this update
  scheduler.step();
}

const saved = JSON.stringify(optimizer.stateDict()); // plain JSON: resume later with loadStateDict
console.log(`w = ${w.value.data[0].toFixed(3)}, b = ${b.value.data[0].toFixed(3)}, state ${saved.length} bytes`);
