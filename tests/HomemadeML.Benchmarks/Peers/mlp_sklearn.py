"""scikit-learn peer for the mlp section's quality row: MLPClassifier with default settings on Fashion-MNIST.

Usage: mlp_sklearn.py [--rows 60000] [--max-iter 200] [--threads N]
Prints one JSON object: {"rows", "fit_seconds", "test_accuracy", "train_accuracy", "iterations", "sklearn"}.
MLPClassifier(hidden_layer_sizes=(100,), random_state=0), everything else default (ReLU, Adam, lr 0.001, batch 200,
alpha 1e-4, max_iter 200, tol 1e-4 over 10 epochs), trained on the first `rows` training images standardized as the
engine does (training mean and population deviation), scored on the 10,000 test images with the same statistics.
"""
import argparse
import json
import sys

import fashion_idx


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=60000)
    parser.add_argument("--max-iter", type=int, default=200)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    fashion_idx.set_threads(args.threads)
    from sklearn.neural_network import MLPClassifier

    model = MLPClassifier(hidden_layer_sizes=(100,), random_state=0, max_iter=args.max_iter)
    result = fashion_idx.fit_and_score(model, args.rows)
    json.dump(result | {"iterations": int(model.n_iter_)}, sys.stdout)


if __name__ == "__main__":
    main()
