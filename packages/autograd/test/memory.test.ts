// The lifetime rule of README "Memory": values you read are yours; a freed graph's unread
// intermediate values are recycled by the backward() after the one that freed them.
import { describe, expect, it } from "vitest";
import { SGD } from "@nn/optim";
import { type Tensor, createRng, randn, tensor } from "@nn/tensor";
import { countConstructions } from "../../layers/test/helpers/count-allocations.js";
import { Variable, add, bceWithLogits, gelu, leakyRelu, linear, matmul, mseLoss, mul, relu, reshape, sigmoid, softmaxCrossEntropy, softplus, sum, tanh } from "../src/index.js";

/** A 2→8→1 network on 6 fixed rows: every step builds the same graph. */
function smallNet(dtype: "float32" | "float64" = "float64") {
  const rng = createRng(3);
  const x = randn([6, 2], rng, { dtype });
  const y = tensor([[1], [0], [1], [1], [0], [0]], dtype);
  const w1 = new Variable(randn([2, 8], rng, { dtype }), { requiresGrad: true, name: "w1" });
  const b1 = new Variable(randn([8], rng, { dtype }), { requiresGrad: true, name: "b1" });
  const w2 = new Variable(randn([8, 1], rng, { dtype }), { requiresGrad: true, name: "w2" });
  const params = [w1, b1, w2];
  const hidden = (): Variable => relu(add(matmul(x, w1), b1));
  const loss = (h: Variable): Variable => bceWithLogits(matmul(h, w2), y);
  return { params, hidden, loss, optimizer: new SGD(params, { lr: 0.1 }) };
}

const copy = (t: Tensor): number[] => Array.from(t.data);

describe("memory: buffers are reused between steps", () => {
  it("a training step allocates one typed array once warm: the loss value it hands out", () => {
    for (const dtype of ["float64", "float32"] as const) {
      const net = smallNet(dtype);
      const step = (): void => {
        net.optimizer.zeroGrad();
        net.loss(net.hidden()).backward();
        net.optimizer.step();
      };
      step();
      step();
      expect(countConstructions(() => {
        for (let s = 0; s < 20; s++) step();
      }), dtype).toBe(20);
    }
  });

  it("so does a softmax MLP with softmax cross-entropy (its scratch goes back when the node is freed)", () => {
    const rng = createRng(4);
    const x = randn([8, 2], rng), labels = tensor([0, 1, 2, 0, 1, 2, 0, 1]);
    const w1 = new Variable(randn([2, 6], rng), { requiresGrad: true }), b1 = new Variable(randn([6], rng), { requiresGrad: true });
    const w2 = new Variable(randn([6, 3], rng), { requiresGrad: true });
    const optimizer = new SGD([w1, b1, w2], { lr: 0.1 });
    const step = (): void => {
      optimizer.zeroGrad();
      softmaxCrossEntropy(linear(linear(x, w1, b1, { relu: true }), w2), labels).backward();
      optimizer.step();
    };
    step();
    step();
    expect(countConstructions(() => {
      for (let s = 0; s < 20; s++) step();
    })).toBe(20);
  });

  it("so does a network of every activation (gelu's kept Φ is a pooled scratch, not a new array)", () => {
    for (const dtype of ["float64", "float32"] as const) {
      const rng = createRng(5);
      const x = randn([7, 3], rng, { dtype }), y = randn([7, 1], rng, { dtype });
      const w1 = new Variable(randn([3, 5], rng, { dtype }), { requiresGrad: true });
      const w2 = new Variable(randn([5, 1], rng, { dtype }), { requiresGrad: true });
      const optimizer = new SGD([w1, w2], { lr: 0.01 });
      const step = (): void => {
        optimizer.zeroGrad();
        const h = matmul(x, w1);
        const mixed = add(add(gelu(h), gelu(h, { approximate: "tanh" })), add(add(tanh(h), sigmoid(h)), add(softplus(h), leakyRelu(h))));
        mseLoss(matmul(mixed, w2), y).backward();
        optimizer.step();
      };
      step();
      step();
      expect(countConstructions(() => {
        for (let s = 0; s < 20; s++) step();
      }), dtype).toBe(20);
    }
  });

  it("a value read before backward stays the caller's through later steps", () => {
    const net = smallNet();
    const h = net.hidden();
    const kept = h.value;
    const snapshot = copy(kept);
    net.loss(h).backward();
    for (let s = 0; s < 5; s++) {
      net.optimizer.zeroGrad();
      net.loss(net.hidden()).backward();
      net.optimizer.step();
    }
    expect(copy(kept)).toEqual(snapshot);
    expect(h.value).toBe(kept);
  });

  it("a value first read after its own backward, before the next, is intact and then kept", () => {
    const net = smallNet();
    const h = net.hidden();
    net.loss(h).backward();
    const late = h.value; // read now: still this step's value
    const expected = copy(smallNet().hidden().value);
    expect(copy(late)).toEqual(expected);
    for (let s = 0; s < 3; s++) net.loss(net.hidden()).backward();
    expect(copy(late)).toEqual(expected);
  });

  it("a value never read is recycled by a later backward, and reading it then says so", () => {
    const net = smallNet();
    const h = net.hidden();
    net.loss(h).backward();
    net.loss(net.hidden()).backward(); // recycles h's memory
    expect(() => h.value).toThrow(/Variable "relu": its value was recycled: it is an intermediate result of a graph freed by backward\(\), and a later backward\(\) reused its memory/);
    expect(() => relu(h)).toThrow(/its value was recycled/);
    expect(h.shape).toEqual([6, 8]);
  });

  it("the loss, detach() and reshape() keep the values they hand out", () => {
    const net = smallNet();
    const h = net.hidden();
    const d = h.detach();
    const r = reshape(mul(h, 2), [-1]); // r shares mul's memory: mul's value is pinned
    const l = net.loss(h);
    const lossValue = l.item();
    const dCopy = copy(d.value), rCopy = copy(r.value);
    sum(mul(r, 1)).backward(undefined, { retainGraph: true });
    l.backward();
    for (let s = 0; s < 3; s++) net.loss(net.hidden()).backward();
    expect(l.item()).toBe(lossValue);
    expect(copy(d.value)).toEqual(dCopy);
    expect(copy(r.value)).toEqual(rCopy);
  });

  it("gradients stay right when buffers are reused: two steps with the same weights give the same gradients", () => {
    const net = smallNet();
    const grads = (): number[][] => {
      for (const p of net.params) p.zeroGrad();
      net.loss(net.hidden()).backward();
      return net.params.map((p) => copy(p.grad));
    };
    const first = grads();
    expect(grads()).toEqual(first);
    expect(grads()).toEqual(first);
  });
});
