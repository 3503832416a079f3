"""Shared by the Fashion-MNIST peers: thread settings, the IDX reader and the engine's normalization.

The engine (HomemadeML.Engine.Data.IdxReader) keeps raw pixels 0-255 as doubles; the MLP and logistic
regression then standardize every column with the training rows' mean and population deviation (ddof = 0),
a constant column getting its value as mean and deviation 1 (Features/ColumnStatistics.cs). The peers do the same
with the same rows: a smaller training set is always the first n rows.
"""
import gzip
import os
import struct
import time
import warnings

FOLDER = "/usr/share/datasets/fashion-mnist"


def set_threads(threads: int) -> None:
    """Caps OpenBLAS and OpenMP (scikit-learn) threads; must run before NumPy is imported."""
    if threads > 0:
        os.environ["OPENBLAS_NUM_THREADS"] = str(threads)
        os.environ["OMP_NUM_THREADS"] = str(threads)


def _read(stem: str) -> bytes:
    for name in (stem + ".gz", stem):
        path = os.path.join(FOLDER, name)
        if os.path.exists(path):
            with open(path, "rb") as file:
                data = file.read()
            return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    raise FileNotFoundError(f"{stem}(.gz) not found in {FOLDER}")


def load(part: str, rows: int | None = None):
    """Images (float64, one row per image, pixels 0-255) and labels (int64) of 'train' or 't10k', first `rows` rows."""
    import numpy as np

    images = _read(f"{part}-images-idx3-ubyte")
    magic, count, height, width = struct.unpack(">iiii", images[:16])
    assert magic == 2051, f"{part} images: bad magic {magic}"
    labels = _read(f"{part}-labels-idx1-ubyte")
    magic, label_count = struct.unpack(">ii", labels[:8])
    assert magic == 2049 and label_count == count, f"{part} labels: bad header"
    n = count if rows is None else min(rows, count)
    x = np.frombuffer(images, dtype=np.uint8, count=n * height * width, offset=16).reshape(n, height * width).astype(np.float64)
    y = np.frombuffer(labels, dtype=np.uint8, count=n, offset=8).astype(np.int64)
    return x, y


def standardization(train):
    """Mean and deviation per column as the engine's ColumnStatistics computes them."""
    import numpy as np

    low, high = train.min(axis=0), train.max(axis=0)
    constant = low == high
    mean = train.mean(axis=0)
    deviation = train.std(axis=0)
    mean[constant] = low[constant]
    deviation[constant] = 1.0
    return mean, deviation


def standardize(train, *others):
    """(block − mean) / deviation with the training statistics, in place (no second copy of the data), for train and
    every other block; returns the blocks."""
    mean, deviation = standardization(train)
    for block in (train, *others):
        block -= mean
        block /= deviation
    return [train, *others]


def peak_resident_bytes() -> int:
    """
    Peak resident set of this process: VmHWM from /proc/self/status, as the engine's child reads it. Not
    ru_maxrss: Linux carries ru_maxrss across fork + exec, so a child started by a process holding 1 GB of data
    would report that parent's 1 GB. ru_maxrss (KiB) is the fallback where there is no /proc.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def loaded_blas() -> str:
    """The BLAS library NumPy actually loaded, read from this process's memory map (Linux)."""
    try:
        with open("/proc/self/maps") as maps:
            names = {os.path.basename(line.split()[-1]) for line in maps if "blas" in line.lower()}
        names = {name for name in names if name.startswith("lib")} or names  # drop SciPy's Python wrappers
        return ", ".join(sorted(names)) or "unknown"
    except OSError:
        return "unknown"


def fit_and_score(model, rows: int) -> dict:
    """Fits a scikit-learn classifier on the first `rows` training images, standardized as the engine does, and
    scores it on the 10,000 test images with the same statistics. The fit time excludes loading and standardizing;
    convergence warnings (a max_iter the peer chose on purpose) are silenced."""
    import sklearn
    from sklearn.exceptions import ConvergenceWarning

    x, y = load("train", rows)
    test_x, test_y = load("t10k")
    x, test_x = standardize(x, test_x)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        start = time.perf_counter()
        model.fit(x, y)
        seconds = time.perf_counter() - start
    return {"rows": x.shape[0], "fit_seconds": seconds,
            "test_accuracy": float((model.predict(test_x) == test_y).mean()),
            "train_accuracy": float((model.predict(x) == y).mean()), "sklearn": sklearn.__version__}
