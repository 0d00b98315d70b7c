// Check a model's backward pass and a layer of one's own against central differences.
import { BinaryCrossEntropyLoss, Dense, ReLU, Sequential, Sigmoid, Tanh } from "@nn/layers";
import { checkLayer, checkModel } from "@nn/gradcheck";
import { Tensor, createRng, randn } from "@nn/tensor";
import { check } from "./check.js";

const rng = createRng(11);
const model = new Sequential([new Dense(3, 8, { rng }), new Tanh(), new Dense(8, 4, { rng }), new ReLU(), new Dense(4, 1, { rng }), new Sigmoid()]);
const x = randn([10, 3], rng);
const y = new Tensor(Float32Array.from({ length: 10 }, (_, i) => i % 2), [10, 1]);
const report = checkModel(model, new BinaryCrossEntropyLoss(), x, y);
check(report.passed, `checkModel passes, max relative error ${report.maxRelError}`);
const layerReport = checkLayer(new Dense(3, 2, { rng, dtype: "float64" }), randn([4, 3], rng, { dtype: "float64" }));
check(layerReport.passed && layerReport.entries.length === 3, "checkLayer checks input, weight and bias");
console.log(`ok gradient check: model max relative error ${report.maxRelError.toExponential(1)}`);
