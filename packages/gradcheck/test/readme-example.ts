import { BinaryCrossEntropy, Dense, ReLU, Sequential, Sigmoid } from "@nn/layers";
import { checkLayer, checkModel, formatReport, type Layer, type Parameter } from "@nn/gradcheck";
import { Tensor, createRng, randn, zeros } from "@nn/tensor";

// A layer of your own: y[i, j] = s[j]·x[i, j], with a learnable scale s per feature.
class Scale implements Layer {
  readonly scale: Parameter;
  private x: Tensor | undefined;

  constructor(features: number) {
    const s = randn([features], createRng(1), { dtype: "float64" });
    this.scale = { name: "scale", value: s, grad: zeros([features], "float64") };
  }

  parameters(): Parameter[] {
    return [this.scale];
  }

  forward(x: Tensor): Tensor {
    this.x = x;
    const y = x.clone();
    const s = this.scale.value.data, k = s.length;
    for (let i = 0; i < y.size; i++) y.data[i] *= s[i % k];
    return y;
  }

  // dx = dy·s; ds[j] = Σ_i dy[i, j]·x[i, j], ADDED into the gradient.
  backward(dy: Tensor): Tensor {
    const x = this.x!, s = this.scale.value.data, ds = this.scale.grad.data, k = s.length;
    const dx = dy.clone();
    for (let i = 0; i < dx.size; i++) {
      dx.data[i] = dy.data[i] * s[i % k];
      ds[i % k] += dy.data[i] * x.data[i];
    }
    return dx;
  }
}

const rng = createRng(42);
const report = checkLayer(new Scale(3), randn([4, 3], rng, { dtype: "float64" }));
console.log(formatReport(report));

// A whole float32 model and its loss: checked end to end on a float64 copy.
const model = new Sequential([new Dense(2, 8, { rng }), new ReLU(), new Dense(8, 1, { rng }), new Sigmoid()]);
const x = randn([16, 2], rng);
const y = new Tensor(Float32Array.from({ length: 16 }, (_, i) => i % 2), [16, 1]);
const modelReport = checkModel(model, new BinaryCrossEntropy(), x, y);
console.log(formatReport(modelReport));
if (!report.passed || !modelReport.passed) throw new Error("a backward pass disagrees with central differences");
