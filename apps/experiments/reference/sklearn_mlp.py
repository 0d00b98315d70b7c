"""scikit-learn reference accuracies for the peers study (apps/experiments/src/studies/peers.ts).

Reads the exact standardised splits that nn trains on (written by
`node apps/experiments/dist/export-splits.js <dir>`), fits MLPClassifier with the same hidden
layers in two configurations and writes test accuracies per data set and seed as JSON.

    python3 sklearn_mlp.py <splits-dir> > sklearn-mlp.json

It was run with Debian bookworm's python3-sklearn 1.2.1 (NumPy 1.24, SciPy 1.10, Python 3.11),
unpacked from the .deb packages with `apt-get download` + `dpkg -x` and put on PYTHONPATH /
LD_LIBRARY_PATH, because scikit-learn is not installable from PyPI on the machine that made it.
"""
import json
import platform
import sys
import warnings
from pathlib import Path

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

PROBLEMS = ["moons", "circles", "spirals", "iris", "breast-cancer", "digits"]
SEEDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
EPOCHS = 1000


def same_recipe(n_train, seed):
    # nn's recipe: full-batch gradient descent, lr 0.1, no momentum, no L2, a fixed number of epochs.
    return dict(hidden_layer_sizes=(64, 32), activation="relu", solver="sgd", learning_rate="constant",
                learning_rate_init=0.1, momentum=0.0, nesterovs_momentum=False, alpha=0.0,
                batch_size=n_train, max_iter=EPOCHS, tol=0.0, n_iter_no_change=EPOCHS + 1,
                shuffle=False, random_state=seed)


def defaults(n_train, seed):
    # scikit-learn's defaults (Adam, lr 1e-3, batches of 200, alpha 1e-4, tol-based stopping) with the same layers.
    return dict(hidden_layer_sizes=(64, 32), activation="relu", max_iter=EPOCHS, random_state=seed)


CONFIGS = [
    ("same-recipe", "full-batch SGD, lr 0.1, no momentum, alpha 0, 1000 epochs (nn's recipe)", same_recipe),
    ("defaults", "scikit-learn defaults with the same layers (Adam lr 0.001, batch 200, alpha 1e-4, tol stopping, max_iter 1000)", defaults),
]


def main(split_dir):
    warnings.simplefilter("ignore", ConvergenceWarning)
    out = {
        "description": "Test accuracy of sklearn.neural_network.MLPClassifier(hidden_layer_sizes=(64, 32), activation='relu') on nn's exact splits.",
        "command": "python3 apps/experiments/reference/sklearn_mlp.py <splits-dir> > apps/experiments/reference/sklearn-mlp.json",
        "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__, "python": platform.python_version()},
        "configs": [],
    }
    for cid, label, make in CONFIGS:
        params_shown = {k: (list(v) if isinstance(v, tuple) else v) for k, v in make("n_train", "seed").items()}
        acc = {}
        for problem in PROBLEMS:
            acc[problem] = {}
            for seed in SEEDS:
                split = json.loads((Path(split_dir) / f"{problem}-seed{seed}.json").read_text())
                xtr, ytr = np.array(split["train"]["x"]), np.array(split["train"]["y"])
                xte, yte = np.array(split["test"]["x"]), np.array(split["test"]["y"])
                clf = MLPClassifier(**make(len(ytr), seed)).fit(xtr, ytr)
                acc[problem][str(seed)] = round(float(clf.score(xte, yte)), 6)
                print(f"{cid} {problem} seed {seed}: {acc[problem][str(seed)]}", file=sys.stderr)
        out["configs"].append({"id": cid, "label": label, "params": params_shown, "accuracy": acc})
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
