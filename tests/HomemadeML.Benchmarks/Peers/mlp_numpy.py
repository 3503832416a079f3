"""NumPy peer for the mlp section: full-batch gradient-descent iterations of a sigmoid network with the engine's math.

Usage: mlp_numpy.py --mode vectorized|per-example --rows 10000 --sizes 784,25,10 --weights FILE
                    [--iterations 5] [--learning-rate 0.1] [--lambda 3] [--threads N]
Prints one JSON object: {"mode", "rows", "iterations", "seconds_per_iteration", "costs", "blas"}.

Same math as HomemadeML.Engine's MultilayerPerceptronNetwork: inputs standardized with the rows' own statistics
plus a bias column of ones, a = g(a_prev . Theta^T) with g the logistic sigmoid (scipy.special.expit), cost
J = -(1/m) sum [y log h + (1 - y) log(1 - h)] + lambda/(2m) sum non-bias Theta^2, gradient by back-propagation
and Theta <- Theta - alpha . dJ/dTheta. The starting weights are read from FILE (little-endian doubles, each
Theta row-major as layer l+1 units x (layer l units + 1)), written by the C# side exactly as the engine draws them,
so the costs of both runs can be compared number for number.

vectorized: one warm-up iteration, then `iterations` timed ones; the time is their mean (as the engine's figure is).
per-example: homemade's style (homemade/neural_network/multilayer_perceptron.py): the cost from a vectorized forward
pass, then forward and back-propagation one example at a time on column vectors, gradients summed from per-example
outer products; `iterations` timed iterations (1 is plenty: it is the slow one), no warm-up (nothing to warm up).
"""
import argparse
import json
import sys
import time

import fashion_idx

LOG_FLOOR = 2.2250738585072014e-308  # the engine's log(0) guard (Kernels.LogFloor): the smallest normal double
EXPIT = [None]  # scipy.special.expit, imported once the thread caps are in the environment


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=("vectorized", "per-example"), required=True)
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--sizes", default="784,25,10")
    parser.add_argument("--weights", required=True)
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    parser.add_argument("--lambda", dest="lam", type=float, default=3.0)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    fashion_idx.set_threads(args.threads)
    import numpy as np
    from scipy.special import expit

    EXPIT[0] = expit
    sizes = [int(s) for s in args.sizes.split(",")]
    x, labels = fashion_idx.load("train", args.rows)
    (x,) = fashion_idx.standardize(x)
    design = np.hstack([np.ones((x.shape[0], 1)), x])
    del x
    targets = np.eye(sizes[-1])[labels]
    flat = np.fromfile(args.weights, dtype="<f8")
    thetas, offset = [], 0
    for inputs, units in zip(sizes[:-1], sizes[1:]):
        count = units * (inputs + 1)
        thetas.append(flat[offset:offset + count].reshape(units, inputs + 1).copy())
        offset += count
    assert offset == flat.size, f"weights file has {flat.size} values; sizes {sizes} need {offset}"

    step = vectorized_step if args.mode == "vectorized" else per_example_step
    costs = []
    if args.mode == "vectorized":
        costs.append(step(np, design, targets, thetas, args.lam, args.learning_rate))  # warm-up
    start = time.perf_counter()
    for _ in range(args.iterations):
        costs.append(step(np, design, targets, thetas, args.lam, args.learning_rate))
    seconds = (time.perf_counter() - start) / args.iterations
    json.dump({"mode": args.mode, "rows": design.shape[0], "iterations": args.iterations,
               "seconds_per_iteration": seconds, "costs": costs, "blas": fashion_idx.loaded_blas()}, sys.stdout)


def sigmoid(np, z):
    # SciPy's expit: the stable logistic ufunc, one pass in C (what a NumPy user would reach for).
    return EXPIT[0](z)


def penalty(np, thetas):
    return sum(float(np.sum(theta[:, 1:] ** 2)) for theta in thetas)


def vectorized_step(np, design, targets, thetas, lam, alpha):
    """One full-batch iteration with matrix products over all rows; returns J before the step."""
    m = design.shape[0]
    activations = [design]
    for l, theta in enumerate(thetas):
        a = sigmoid(np, activations[-1] @ theta.T)
        activations.append(a if l == len(thetas) - 1 else np.hstack([np.ones((m, 1)), a]))
    h = activations[-1]
    log_likelihood = np.sum(np.log(np.maximum(np.where(targets == 1, h, 1 - h), LOG_FLOOR)))
    cost = -log_likelihood / m + lam / (2 * m) * penalty(np, thetas)
    delta = h - targets
    gradients = [None] * len(thetas)
    for l in range(len(thetas) - 1, -1, -1):
        gradients[l] = delta.T @ activations[l] / m
        gradients[l][:, 1:] += lam / m * thetas[l][:, 1:]
        if l > 0:
            a = activations[l][:, 1:]
            delta = (delta @ thetas[l])[:, 1:] * a * (1 - a)
    for theta, gradient in zip(thetas, gradients):
        theta -= alpha * gradient
    return float(cost)


def per_example_step(np, design, targets, thetas, lam, alpha):
    """
    The same iteration the way homemade's MultilayerPerceptron.back_propagation does it: the cost from one
    vectorized forward pass, then forward and back-propagation one example at a time on column vectors
    (bias rows stacked on, g'(z) recomputed from z, the gradient sums rebuilt with + on every example).
    """
    m = design.shape[0]
    cost = cost_only(np, design, targets, thetas, lam)
    last = len(thetas)
    sums = {l: np.zeros_like(theta) for l, theta in enumerate(thetas)}
    for i in range(m):
        inputs, activations = {}, {0: design[i, :].reshape((-1, 1))}
        for l, theta in enumerate(thetas):
            z = theta @ activations[l]
            inputs[l + 1] = z
            activations[l + 1] = np.vstack((np.array([[1.0]]), sigmoid(np, z)))
        deltas = {last: activations[last][1:, :] - targets[i].reshape((-1, 1))}
        for l in range(last - 1, 0, -1):
            z = np.vstack((np.array([[1.0]]), inputs[l]))
            g = sigmoid(np, z)
            deltas[l] = ((thetas[l].T @ deltas[l + 1]) * (g * (1 - g)))[1:, :]
        for l in range(last):
            sums[l] = sums[l] + deltas[l + 1] @ activations[l].T
    for l, theta in enumerate(thetas):
        gradient = sums[l] / m
        gradient[:, 1:] += lam / m * theta[:, 1:]
        theta -= alpha * gradient
    return cost


def cost_only(np, design, targets, thetas, lam):
    """J at the current weights from one vectorized forward pass (homemade's cost_function)."""
    m = design.shape[0]
    a = design
    for l, theta in enumerate(thetas):
        a = sigmoid(np, a @ theta.T)
        if l < len(thetas) - 1:
            a = np.hstack([np.ones((m, 1)), a])
    log_likelihood = np.sum(np.log(np.maximum(np.where(targets == 1, a, 1 - a), LOG_FLOOR)))
    return float(-log_likelihood / m + lam / (2 * m) * penalty(np, thetas))


if __name__ == "__main__":
    main()
