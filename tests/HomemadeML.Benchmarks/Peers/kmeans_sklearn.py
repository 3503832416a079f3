"""scikit-learn peer for the kmeans section: Lloyd's k-means on raw Fashion-MNIST pixels from given initial rows.

Usage: kmeans_sklearn.py --indices 17,4,… [--rows 60000] [--max-iter 300] [--threads N]
Prints one JSON object: {"rows", "fit_seconds", "iterations", "inertia", "sklearn"}.
KMeans(n_clusters=len(indices), init=X[indices], n_init=1, algorithm="lloyd", max_iter=max_iter, tol=0): the
initial centroids are the rows the C# side drew, so both runs start from the same centroids; tol = 0 leaves only
the "no assignment changed" stop, as the engine has. Pixels stay raw (0-255), as the engine's KMeans takes them.
"""
import argparse
import json
import sys
import time

import fashion_idx


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--indices", required=True)
    parser.add_argument("--rows", type=int, default=60000)
    parser.add_argument("--max-iter", type=int, default=300)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    fashion_idx.set_threads(args.threads)
    import sklearn
    from sklearn.cluster import KMeans

    x, _ = fashion_idx.load("train", args.rows)
    indices = [int(i) for i in args.indices.split(",")]
    model = KMeans(n_clusters=len(indices), init=x[indices].copy(), n_init=1, algorithm="lloyd",
                   max_iter=args.max_iter, tol=0)
    start = time.perf_counter()
    model.fit(x)
    seconds = time.perf_counter() - start
    json.dump({"rows": x.shape[0], "fit_seconds": seconds, "iterations": int(model.n_iter_),
               "inertia": float(model.inertia_), "sklearn": sklearn.__version__}, sys.stdout)


if __name__ == "__main__":
    main()
