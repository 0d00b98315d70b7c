// Mistakes a newcomer makes, and what they must be told: a model still in its Promise, and error
// classes that print under their own names.
import { inspect } from "node:util";
import { Dense, LayerInputError, Sequential } from "@nn/layers";
import { loadModel } from "@nn/layers/node";
import { SGD } from "@nn/optim";
import { ShapeError, matmul, zeros } from "@nn/tensor";
import { TrainingDivergedError, fit, predict } from "@nn/train";
import { check } from "./check.js";

const pending = loadModel("/nonexistent/model.json");
pending.catch(() => undefined);
let message = "";
try {
  predict(pending as unknown as Sequential, [[1, 2]]);
} catch (e) {
  message = (e as Error).message;
}
check(message === "predict: expected a model, got a Promise: did you forget await loadModel(...)?", `Promise model: "${message}"`);
try {
  fit(pending as unknown as Sequential, { loss: undefined as never, optimizer: new SGD([zeros([1])].map((value) => ({ name: "w", value, grad: zeros([1]) })), { lr: 1 }), train: { x: zeros([1, 1]), y: zeros([1]) }, epochs: 1 });
} catch (e) {
  message = (e as Error).message;
}
check(message.includes("got a Promise: did you forget await loadModel(...)?"), `fit with a Promise: "${message}"`);

const errors: Error[] = [];
try { matmul(zeros([2, 3]), zeros([4, 2])); } catch (e) { errors.push(e as Error); }
try { new Dense(3, 2).forward(zeros([1, 4])); } catch (e) { errors.push(e as Error); }
check(errors[0] instanceof ShapeError && errors[1] instanceof LayerInputError, "the errors are ShapeError and LayerInputError");
for (const [e, name] of [[errors[0], "ShapeError"], [errors[1], "LayerInputError"]] as const) {
  check(e.name === name && e.constructor.name === name, `${name}: name ${e.name}, constructor ${e.constructor.name}`);
  check(inspect(e).startsWith(`${name}: `), `${name} prints as "${inspect(e).split("\n")[0]}"`);
}
check(TrainingDivergedError.name === "TrainingDivergedError", `TrainingDivergedError's class name is ${TrainingDivergedError.name}`);
console.log("ok mistakes: a Promise model is named, errors print under their own names");
