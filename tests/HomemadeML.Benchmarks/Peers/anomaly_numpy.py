"""NumPy peer for the anomaly section: per-feature Gaussian fit and the log-density of every row.

Usage: anomaly_numpy.py [--rows 60000] [--repeat 3] [--threads N]
Prints one JSON object: {"rows", "best_seconds", "median_seconds", "log_density_sum"}.
The engine's GaussianAnomalyDetection math on raw pixels: mu = mean, var = population variance (1/m), a variance
floor of 1e-9 x the largest variance for constant features, and
log p(x) = sum_j [-1/2 log(2 pi var_j) - (x_j - mu_j)^2 / (2 var_j)] for every row. One warm-up, then `repeat` timed runs.
"""
import argparse
import json
import sys
import time

import fashion_idx


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=60000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    fashion_idx.set_threads(args.threads)
    import numpy as np

    x, _ = fashion_idx.load("train", args.rows)

    def fit_and_score():
        mean = x.mean(axis=0)
        variance = x.var(axis=0)
        variance = np.maximum(variance, 1e-9 * max(variance.max(), 1e-300))
        normalizer = np.sum(-0.5 * np.log(2 * np.pi * variance))
        return normalizer - 0.5 * np.sum((x - mean) ** 2 / variance, axis=1)

    fit_and_score()
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        log_density = fit_and_score()
        times.append(time.perf_counter() - start)
    times.sort()
    json.dump({"rows": x.shape[0], "best_seconds": times[0], "median_seconds": times[len(times) // 2],
               "log_density_sum": float(log_density.sum())}, sys.stdout)


if __name__ == "__main__":
    main()
