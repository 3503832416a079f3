"""Peer for the memory section: peak resident memory of a Python process that loads Fashion-MNIST and trains briefly.

Usage: memory_peer.py --workload load|logistic|mlp|mlp-minibatch|kmeans [--rows 60000] [--threads N]
Prints one JSON object: {"workload", "rows", "peak_bytes"} with peak_bytes = VmHWM (interpreter, NumPy and
scikit-learn included, nothing subtracted; see fashion_idx.peak_resident_bytes for why not ru_maxrss). The workloads mirror the engine's child runs: the same rows, the same
standardization for the classifiers, a few iterations each (buffers are allocated before the first one).
"""
import argparse
import json
import sys
import warnings

import fashion_idx


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workload", required=True, choices=("load", "logistic", "mlp", "mlp-minibatch", "kmeans"))
    parser.add_argument("--rows", type=int, default=60000)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    fashion_idx.set_threads(args.threads)
    import numpy as np
    from sklearn.exceptions import ConvergenceWarning

    warnings.simplefilter("ignore", ConvergenceWarning)
    x, y = fashion_idx.load("train", args.rows)
    if args.workload in ("logistic", "mlp", "mlp-minibatch"):
        (x,) = fashion_idx.standardize(x)
    if args.workload == "logistic":
        from sklearn.linear_model import LogisticRegression

        LogisticRegression(multi_class="ovr", solver="lbfgs", C=1.0, max_iter=10).fit(x, y)
    elif args.workload == "mlp":
        from scipy.special import expit

        import mlp_numpy

        mlp_numpy.EXPIT[0] = expit
        design = np.hstack([np.ones((x.shape[0], 1)), x])
        del x
        targets = np.eye(10)[y]
        rng = np.random.default_rng(0)
        thetas = [rng.uniform(-0.12, 0.12, (25, 785)), rng.uniform(-0.12, 0.12, (10, 26))]
        for _ in range(5):
            mlp_numpy.vectorized_step(np, design, targets, thetas, 3.0, 0.1)
    elif args.workload == "mlp-minibatch":
        from sklearn.neural_network import MLPClassifier

        MLPClassifier(hidden_layer_sizes=(100,), random_state=0, max_iter=1).fit(x, y)
    elif args.workload == "kmeans":
        from sklearn.cluster import KMeans

        KMeans(n_clusters=10, init="random", n_init=1, algorithm="lloyd", max_iter=10, random_state=0).fit(x)
    json.dump({"workload": args.workload, "rows": int(y.shape[0]), "peak_bytes": fashion_idx.peak_resident_bytes()}, sys.stdout)


if __name__ == "__main__":
    main()
