"""scikit-learn peer for the logistic section: one-vs-all logistic regression on Fashion-MNIST.

Usage: logistic_sklearn.py [--rows 60000] [--c 1.0] [--max-iter 100] [--threads N]
Prints one JSON object: {"rows", "fit_seconds", "test_accuracy", "train_accuracy", "iterations", "sklearn"}.
LogisticRegression(multi_class="ovr", solver="lbfgs", C=c, max_iter=max_iter), the rest default: ten binary
problems, each minimizing (1/2)||w||^2 + C * sum(log-loss) — the engine's one-vs-all cost times m/lambda for
lambda = 1/C. Trained on the first `rows` training images standardized as the engine does (training mean and
population deviation), scored on the 10,000 test images with the same statistics. The fit time excludes loading
and standardizing.
"""
import argparse
import json
import sys

import fashion_idx


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=60000)
    parser.add_argument("--c", type=float, default=1.0)
    parser.add_argument("--max-iter", type=int, default=100)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    fashion_idx.set_threads(args.threads)
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(multi_class="ovr", solver="lbfgs", C=args.c, max_iter=args.max_iter)
    result = fashion_idx.fit_and_score(model, args.rows)
    json.dump(result | {"iterations": [int(n) for n in model.n_iter_]}, sys.stdout)


if __name__ == "__main__":
    main()
