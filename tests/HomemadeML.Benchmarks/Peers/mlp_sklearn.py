"""scikit-learn peer for the mlp section's quality row: MLPClassifier with default settings on Fashion-MNIST.

Usage: mlp_sklearn.py [--rows 60000] [--max-iter 200] [--threads N]
Prints one JSON object: {"rows", "fit_seconds", "test_accuracy", "iterations", "sklearn"}.
MLPClassifier(hidden_layer_sizes=(100,), random_state=0), everything else default (ReLU, Adam, lr 0.001, batch 200,
alpha 1e-4, max_iter 200, tol 1e-4 over 10 epochs), trained on the first `rows` training images standardized as the
engine does (training mean and population deviation), scored on the 10,000 test images with the same statistics.
"""
import argparse
import json
import sys
import time
import warnings

import fashion_idx


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=60000)
    parser.add_argument("--max-iter", type=int, default=200)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    fashion_idx.set_threads(args.threads)
    import sklearn
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    x, y = fashion_idx.load("train", args.rows)
    test_x, test_y = fashion_idx.load("t10k")
    x, test_x = fashion_idx.standardize(x, test_x)
    model = MLPClassifier(hidden_layer_sizes=(100,), random_state=0, max_iter=args.max_iter)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        start = time.perf_counter()
        model.fit(x, y)
        seconds = time.perf_counter() - start
    accuracy = float((model.predict(test_x) == test_y).mean())
    json.dump({"rows": x.shape[0], "fit_seconds": seconds, "test_accuracy": accuracy,
               "iterations": int(model.n_iter_), "sklearn": sklearn.__version__}, sys.stdout)


if __name__ == "__main__":
    main()
