"""NumPy peer for the gemm section: times C = A @ B for square sizes in float64 and float32.

Usage: gemm_numpy.py --sizes 1024,2048 --repeat 5 [--threads N]
Prints one JSON object: {"blas": "...", "results": [{"size", "precision", "best_seconds", "median_seconds"}]}.
Inputs are uniform in [-1, 1) from a fixed seed, one warm-up call, then `repeat` timed calls (as the C# side does).
"""
import argparse
import json
import os
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1024,2048")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    if args.threads > 0:
        # Must be set before NumPy loads OpenBLAS.
        os.environ["OPENBLAS_NUM_THREADS"] = str(args.threads)
    import numpy as np

    rng = np.random.default_rng(12345)
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        for precision, dtype in (("double", np.float64), ("float", np.float32)):
            a = rng.uniform(-1.0, 1.0, (size, size)).astype(dtype)
            b = rng.uniform(-1.0, 1.0, (size, size)).astype(dtype)
            c = np.empty((size, size), dtype=dtype)
            np.matmul(a, b, out=c)
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                np.matmul(a, b, out=c)
                times.append(time.perf_counter() - start)
            times.sort()
            results.append({"size": size, "precision": precision,
                            "best_seconds": times[0], "median_seconds": times[len(times) // 2]})
    json.dump({"blas": loaded_blas(), "results": results}, sys.stdout)


def loaded_blas() -> str:
    """The BLAS library NumPy actually loaded, read from this process's memory map (Linux)."""
    try:
        with open("/proc/self/maps") as maps:
            names = {os.path.basename(line.split()[-1]) for line in maps if "blas" in line.lower()}
        return ", ".join(sorted(names)) or "unknown"
    except OSError:
        return "unknown"


if __name__ == "__main__":
    main()
