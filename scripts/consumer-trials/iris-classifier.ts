// An Iris classifier as a Keras user writes it: softmax over 3 logits, Adam, fit with a validation
// split and a progress display, evaluate, then classes for new flowers given as plain arrays.
import { StandardScaler, loadIris, trainTestSplit } from "@nn/datasets";
import { Dense, ReLU, Sequential, SoftmaxCrossEntropyLoss } from "@nn/layers";
import { Adam } from "@nn/optim";
import { createRng, tensor } from "@nn/tensor";
import { evaluate, fit, predictClasses } from "@nn/train";
import { progressBar } from "@nn/train/node";
import { check } from "./check.js";

const iris = loadIris();
const { train, test } = trainTestSplit(iris, { testSize: 0.2, stratify: true, seed: 42 });
const scaler = new StandardScaler().fit(train.x);
const rng = createRng(42);
const model = new Sequential([new Dense(4, 16, { rng }), new ReLU(), new Dense(16, 3, { rng })]);
const loss = new SoftmaxCrossEntropyLoss();
const history = fit(model, {
  loss, optimizer: new Adam(model.parameters(), { lr: 0.01 }), train: { ...train, x: scaler.transform(train.x) },
  epochs: 100, validationSplit: 0.2, callbacks: progressBar(),
});
const result = evaluate(model, { ...test, x: scaler.transform(test.x) }, { loss, metrics: ["accuracy", "confusionMatrix"] });
check(history.epochs[0].validation !== undefined, "validationSplit gives validation metrics");
check(result.accuracy >= 0.9, `test accuracy ≥ 90%, got ${result.accuracy}`);
check(result.confusionMatrix.length === 3, "a 3 × 3 confusion matrix");

const flowers = scaler.transform(tensor([[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.2, 2.3]]));
const classes = Array.from(predictClasses(model, flowers), (k) => iris.classNames?.[k]);
check(classes.join() === "setosa,virginica", `a setosa and a virginica, got ${classes.join(", ")}`);
console.log(`ok Iris: test accuracy ${(result.accuracy * 100).toFixed(1)}%, new flowers → ${classes.join(", ")}`);
