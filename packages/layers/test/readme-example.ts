import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRng, randn, tensor, zeros } from "@nn/tensor";
import { BCEWithLogits, Dense, ReLU, Sequential } from "@nn/layers";
import { loadModel, saveModel } from "@nn/layers/node";

// XOR: 2 inputs, 1 logit.
const x = tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
const y = tensor([[0], [1], [1], [0]]);

const rng = createRng(42);
const model = new Sequential([new Dense(2, 8, { rng }), new ReLU(), new Dense(8, 1, { init: "xavier-normal", rng })]);
console.log(model.summary());

// Plain gradient descent, by hand (@nn/optim provides SGD, Adam, ...). Every result handed out is
// yours: a new tensor, or the `out` tensor you pass, which keeps the step free of allocations.
const loss = new BCEWithLogits();
const logits = zeros([4, 1]), dLogits = zeros([4, 1]), dx = zeros([4, 2]);
export function trainStep(lr: number): number {
  model.zeroGrad();
  const value = loss.forward(model.forward(x, "train", logits), y);
  model.backward(loss.backward(dLogits), dx);
  for (const p of model.parameters()) {
    for (let i = 0; i < p.value.size; i++) p.value.data[i] -= lr * p.grad.data[i];
  }
  return value;
}
export const lossBefore = trainStep(0.5);
for (let step = 0; step < 200; step++) trainStep(0.5);
export const lossAfter = loss.forward(model.forward(x, "eval"), y);

// predict: eval mode, plain arrays welcome, a new tensor each time.
export const first = model.predict([[0, 1]]);
export const second = model.predict([[1, 1]]); // `first` is unchanged by this call

// Save (atomically) and load: the weights come back bit for bit.
const path = join(mkdtempSync(join(tmpdir(), "nn-")), "xor.json");
await saveModel(model, path, { task: "xor" });
const loaded = await loadModel(path);
const probe = randn([3, 2], createRng(1));
export const sameOutput = loaded.predict(probe).data.join() === model.predict(probe).data.join();
console.log({ lossBefore, lossAfter, first: first.data[0], second: second.data[0], sameOutput, metadata: loaded.metadata });
