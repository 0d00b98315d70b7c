import { Dense, ReLU, Sequential, Sigmoid } from "@nn/layers";
import { exportONNX, importONNX } from "@nn/onnx";
import { createRng, randn } from "@nn/tensor";
import * as ort from "onnxruntime-node";

// The seed network: 2→64→32→1 (a trained one would come from @nn/train or Sequential.fromJSON).
const rng = createRng(42);
const model = new Sequential([
  new Dense(2, 64, { rng }), new ReLU(),
  new Dense(64, 32, { rng }), new ReLU(),
  new Dense(32, 1, { rng }), new Sigmoid(),
]);

// Export: bytes in, bytes out (save them with @nn/onnx/node's saveONNX, or any file API).
const bytes = exportONNX(model, { inputName: "input", outputName: "output" });

// Run it in ONNX Runtime, with a dynamic batch dimension.
const x = randn([5, 2], rng);
const session = await ort.InferenceSession.create(bytes);
const { output } = await session.run({ input: new ort.Tensor("float32", x.data, [5, 2]) });

const ours = model.forward(x, "eval").data;
export const maxDifference = Math.max(...Array.from(output.data as Float32Array, (v, i) => Math.abs(v - ours[i])));

// And back: every weight bit for bit.
export const reimported = importONNX(bytes);
