"""Peer for the `all` header: versions of Python, NumPy (and the BLAS it loaded), SciPy and scikit-learn.

Usage: machine_info.py
Prints one JSON object: {"python", "numpy", "blas", "scipy", "sklearn"}.
"""
import json
import platform
import sys

import fashion_idx


def main() -> None:
    import numpy as np
    import scipy
    import sklearn

    np.ones((64, 64)) @ np.ones((64, 64))  # make sure the BLAS is loaded before reading the memory map
    blas = fashion_idx.loaded_blas()
    try:
        from threadpoolctl import threadpool_info

        pools = [f"{p.get('internal_api')} {p.get('version')} ({p.get('architecture', '?')}, {p.get('num_threads')} threads)"
                 for p in threadpool_info() if p.get("user_api") == "blas"]
        blas = "; ".join(pools) or blas
    except ImportError:
        pass
    json.dump({"python": platform.python_version(), "numpy": np.__version__, "blas": blas,
               "scipy": scipy.__version__, "sklearn": sklearn.__version__}, sys.stdout)


if __name__ == "__main__":
    main()
