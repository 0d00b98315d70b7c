import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRng, randn, tensor } from "@nn/tensor";
import { BCEWithLogits, Dense, ReLU, Sequential } from "@nn/layers";
import { loadModel, saveModel } from "@nn/layers/node";

// XOR: 2 inputs, 1 logit.
const x = tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
const y = tensor([[0], [1], [1], [0]]);

const rng = createRng(42);
const model = new Sequential([new Dense(2, 8, { rng }), new ReLU(), new Dense(8, 1, { init: "xavier-normal", rng })]);
console.log(model.summary());

// One step of plain gradient descent, by hand (@nn/optim provides SGD, Adam, ...).
const loss = new BCEWithLogits();
export const lossBefore = loss.forward(model.forward(x), y);
model.zeroGrad();
model.backward(loss.backward());
for (const p of model.parameters()) {
  for (let i = 0; i < p.value.size; i++) p.value.data[i] -= 0.5 * p.grad.data[i];
}
export const lossAfter = loss.forward(model.forward(x, "eval"), y);

// Save (atomically) and load: the weights come back bit for bit.
const path = join(mkdtempSync(join(tmpdir(), "nn-")), "xor.json");
await saveModel(model, path, { task: "xor" });
const loaded = await loadModel(path);
const probe = randn([3, 2], createRng(1));
export const sameOutput = loaded.forward(probe, "eval").data.join() === model.forward(probe, "eval").data.join();
console.log({ lossBefore, lossAfter, sameOutput, metadata: loaded.metadata });
