"""An independent NumPy implementation of the seed project's training loop, for the seed study.

Reads the starting point written by `node apps/experiments/dist/export-seed-reference.js <file>`
(training inputs and labels, the initial weights and biases of the 2→64→32→1 network, the learning
rate and the number of epochs) and runs the seed's algorithm in float64, written from its
equations rather than from nn's code:

    forward   Z1 = X W1 + b1, A1 = relu(Z1); Z2 = A1 W2 + b2, A2 = relu(Z2); Z3 = A2 W3 + b3, P = sigmoid(Z3)
    loss      L = -mean(y log P + (1 - y) log(1 - P))
    backward  dZ3 = (P - y) / n  (sigmoid and cross-entropy together), dW3 = A2^T dZ3, db3 = sum dZ3,
              dZ2 = (dZ3 W3^T) * [Z2 > 0], dW2 = A1^T dZ2, ..., dW1 = X^T dZ1
    update    W -= lr dW, b -= lr db  (full batch, every epoch)

Writes JSON: the loss of every epoch (computed before that epoch's update) and the final parameters.

    python3 seed_numpy.py <input.json> > seed-numpy.json
"""
import json
import platform
import sys

import numpy as np


def sigmoid(z):
    # Split by sign so that exp never overflows.
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def main(path):
    with open(path) as f:
        spec = json.load(f)
    x = np.array(spec["x"], dtype=np.float64)
    y = np.array(spec["y"], dtype=np.float64).reshape(-1, 1)
    weights = [np.array(layer["weight"], dtype=np.float64) for layer in spec["layers"]]
    biases = [np.array(layer["bias"], dtype=np.float64) for layer in spec["layers"]]
    lr, epochs, n = spec["lr"], spec["epochs"], x.shape[0]
    losses = []
    for _ in range(epochs):
        pre, post = [], [x]
        for k, (w, b) in enumerate(zip(weights, biases)):
            z = post[-1] @ w + b
            pre.append(z)
            post.append(sigmoid(z) if k == len(weights) - 1 else np.maximum(z, 0.0))
        p = post[-1]
        losses.append(float(-np.mean(y * np.log(p) + (1.0 - y) * np.log1p(-p))))
        delta = (p - y) / n
        grads = []
        for k in range(len(weights) - 1, -1, -1):
            grads.append((post[k].T @ delta, delta.sum(axis=0)))
            if k > 0:
                delta = (delta @ weights[k].T) * (pre[k - 1] > 0)
        for k, (dw, db) in enumerate(reversed(grads)):
            weights[k] -= lr * dw
            biases[k] -= lr * db
    json.dump({
        "description": "reference/seed_numpy.py: the seed's full-batch gradient descent in NumPy float64 from nn's exported initial weights",
        "versions": {"numpy": np.__version__, "python": platform.python_version()},
        "input": spec["description"],
        "losses": losses,
        "final": [{"weight": w.tolist(), "bias": b.tolist()} for w, b in zip(weights, biases)],
    }, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
