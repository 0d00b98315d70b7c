// A model ending in Dense trained with BCEWithLogitsLoss outputs logits: asked for classes without
// { loss }, it must threshold at 0, not 0.5 (the trial's 2-in-100 wrong rows), or refuse.
import { makeMoons } from "@nn/datasets";
import { BCEWithLogitsLoss, Dense, ReLU, Sequential } from "@nn/layers";
import { Adam } from "@nn/optim";
import { createRng } from "@nn/tensor";
import { fit, predict, predictClasses } from "@nn/train";
import { check } from "./check.js";

const data = makeMoons({ n: 300, noise: 0.25, seed: 3 });
const rng = createRng(3);
const model = new Sequential([new Dense(2, 16, { rng }), new ReLU(), new Dense(16, 1, { rng })]);
fit(model, { loss: new BCEWithLogitsLoss(), optimizer: new Adam(model.parameters(), { lr: 0.02 }), train: data, epochs: 20 });
const logits = Array.from(predict(model, data.x).data);
const classes = Array.from(predictClasses(model, data.x));
check(classes.every((c, i) => c === (logits[i] >= 0 ? 1 : 0)), "classes are logit ≥ 0");
let refused = "";
try {
  predictClasses(new Sequential([new Dense(2, 1, { rng })]), data.x);
} catch (e) {
  refused = (e as Error).message;
}
check(refused.includes("cannot tell whether the model's single output is a probability or a logit"), `an untrained logit model is refused, got "${refused}"`);
console.log(`ok logit model: ${classes.length} classes from logits ≥ 0; ${logits.filter((z) => z >= 0 && z < 0.5).length} rows would have been wrong at 0.5`);
