// Export a trained model to ONNX, save it, load it back: the same network, bit for bit.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeMoons } from "@nn/datasets";
import { BinaryCrossEntropyLoss, Dense, ReLU, Sequential, Sigmoid } from "@nn/layers";
import { exportONNX, importONNX } from "@nn/onnx";
import { loadONNX, saveONNX } from "@nn/onnx/node";
import { SGD } from "@nn/optim";
import { createRng } from "@nn/tensor";
import { fit, predict } from "@nn/train";
import { check } from "./check.js";

const data = makeMoons({ n: 200, noise: 0.2, seed: 9 });
const rng = createRng(9);
const model = new Sequential([new Dense(2, 16, { rng }), new ReLU(), new Dense(16, 1, { rng }), new Sigmoid()]);
fit(model, { loss: new BinaryCrossEntropyLoss(), optimizer: new SGD(model.parameters(), { lr: 0.3 }), train: data, epochs: 20 });

const bytes = exportONNX(model);
check(bytes instanceof Uint8Array && bytes.length > 100, "exportONNX gives bytes");
const path = join(mkdtempSync(join(tmpdir(), "nn-trial-")), "moons.onnx");
await saveONNX(model, path);
for (const back of [importONNX(bytes), await loadONNX(path)]) {
  check(predict(back, data.x).data.join() === predict(model, data.x).data.join(), "the imported network gives the same outputs");
}
console.log(`ok ONNX: ${bytes.length} bytes, imported back identical`);
