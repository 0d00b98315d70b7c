// Save a model with its scaler and class names, load both back in another "process", predict the same.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StandardScaler, loadIris } from "@nn/datasets";
import { Dense, ReLU, Sequential, SoftmaxCrossEntropyLoss, StringArray } from "@nn/layers";
import { loadModel, saveModel } from "@nn/layers/node";
import { Adam } from "@nn/optim";
import { createRng, tensor } from "@nn/tensor";
import { fit, predict, predictClasses } from "@nn/train";
import { check } from "./check.js";

const iris = loadIris();
const scaler = new StandardScaler().fit(iris.x);
const rng = createRng(7);
const model = new Sequential([new Dense(4, 8, { rng }), new ReLU(), new Dense(8, 3, { rng })]);
fit(model, { loss: new SoftmaxCrossEntropyLoss(), optimizer: new Adam(model.parameters(), { lr: 0.02 }), train: { ...iris, x: scaler.transform(iris.x) }, epochs: 30 });

const path = join(mkdtempSync(join(tmpdir(), "nn-trial-")), "iris.json");
await saveModel(model, path, { scaler: scaler.toJSON(), classNames: iris.classNames ?? [] });

const loaded = await loadModel(path);
const loadedScaler = loaded.metadataEntry("scaler", StandardScaler);
const names = loaded.metadataEntry("classNames", StringArray);
const flower = tensor([[6.0, 2.9, 4.5, 1.5]]);
const before = predict(model, scaler.transform(flower)).data.join();
const after = predict(loaded, loadedScaler.transform(flower)).data.join();
check(before === after, "the loaded model and scaler give the same outputs");
const name = names[predictClasses(loaded, loadedScaler.transform(flower))[0]];
check(name === "versicolor", `a versicolor, got ${name}`);
console.log(`ok save/load with scaler: same outputs, ${name}`);
