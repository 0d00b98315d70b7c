// The seed MLP in float64, PyTorch habits: dtype only on the layers with weights, bare activations,
// a hand-written loop that keeps every step's output in a list, model.predict on plain arrays, then
// fit with only loss, optimizer, data and epochs.
import { StandardScaler, makeMoons, trainTestSplit } from "@nn/datasets";
import { BinaryCrossEntropyLoss, Dense, ReLU, Sequential, Sigmoid } from "@nn/layers";
import { SGD } from "@nn/optim";
import { type Tensor, createRng } from "@nn/tensor";
import { evaluate, fit } from "@nn/train";
import { check } from "./check.js";

const split = trainTestSplit(makeMoons({ n: 400, noise: 0.2, seed: 0 }), { testSize: 0.25, stratify: true, seed: 0 });
const scaler = new StandardScaler().fit(split.train.x);
const x = scaler.transform(split.train.x).astype("float64");
const y = split.train.y.astype("float64").reshape([x.shape[0], 1]);

const rng = createRng(0);
const model = new Sequential([
  new Dense(2, 64, { rng, dtype: "float64" }), new ReLU(),
  new Dense(64, 32, { rng, dtype: "float64" }), new ReLU(),
  new Dense(32, 1, { rng, dtype: "float64" }), new Sigmoid(),
]);
const loss = new BinaryCrossEntropyLoss();
const optimizer = new SGD(model.parameters(), { lr: 0.5 });

const outputs: Tensor[] = [];
const copies: Float64Array[] = [];
const losses: number[] = [];
for (let epoch = 0; epoch < 100; epoch++) {
  optimizer.zeroGrad();
  const out = model.forward(x);
  outputs.push(out);
  copies.push(Float64Array.from(out.data));
  losses.push(loss.forward(out, y));
  model.backward(loss.backward());
  optimizer.step();
}
check(outputs[0].dtype === "float64", `outputs are float64, got ${outputs[0].dtype}`);
check(outputs.every((o, i) => o.data.every((v, j) => v === copies[i][j])), "a kept output was overwritten by a later step");
check(losses[99] < losses[0] / 2, `the loop learns: loss ${losses[0]} → ${losses[99]}`);

const predicted = model.predict([[0, 0.5], [1, -0.5]]);
check(predicted.shape.join() === "2,1" && predicted.dtype === "float64", `predict on arrays: shape [${predicted.shape.join(", ")}], ${predicted.dtype}`);

const fresh = new Sequential([new Dense(2, 32, { rng, dtype: "float64" }), new ReLU(), new Dense(32, 1, { rng, dtype: "float64" }), new Sigmoid()]);
const train = { ...split.train, x: scaler.transform(split.train.x) };
const test = { ...split.test, x: scaler.transform(split.test.x) };
const history = fit(fresh, { loss, optimizer: new SGD(fresh.parameters(), { lr: 0.5 }), train, epochs: 100 });
const result = evaluate(fresh, test, { loss, metrics: ["accuracy"] });
check(history.epochs.length === 100, "fit ran 100 epochs");
check(result.accuracy >= 0.9, `fit with defaults reaches ≥ 90% test accuracy, got ${result.accuracy}`);
console.log(`ok seed MLP float64: loop loss ${losses[0].toFixed(3)} → ${losses[99].toFixed(3)}, fit test accuracy ${(result.accuracy * 100).toFixed(1)}%`);
