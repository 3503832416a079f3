"""Oracle for LogisticRegression: scikit-learn's one-vs-rest L2 logistic regression on iris.

Regenerate (from the repository root):
    /usr/bin/python3 tests/HomemadeML.Engine.Tests/Oracles/logistic_regression_sklearn.py

Writes logistic_regression_sklearn.json next to this script. The engine minimizes, per class k,
    J(θ) = (1/m)·Σᵢ loss(θ; xᵢ, yᵢ) + λ/(2m)·Σⱼ≥₁ θⱼ²,
which is (1/m)·[Σᵢ loss + ½λ‖w‖²]: the same minimizer as scikit-learn's ½‖w‖² + C·Σᵢ loss with C = 1/λ and
an unpenalized intercept (solver='lbfgs'). Features are standardized with the population deviation, as the
engine's FeaturePipeline does (StandardScaler uses ddof = 0 too).

scikit-learn's lbfgs stops with max|∂J/∂θ| of a few 1e-7 on the engine's scale, which leaves θ uncertain by ~1e-5.
So the script also polishes each class's θ with scipy's BFGS (gtol 1e-13) on the engine's cost written out
directly, and stores that as "theta_refined" (max|∂J/∂θ| ≤ ~1e-9) alongside scikit-learn's own "theta".
"""

import json
import os

import numpy as np
import sklearn
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import StandardScaler
from scipy.optimize import minimize

HERE = os.path.dirname(os.path.abspath(__file__))
LAMBDA = 1.0

iris = load_iris()
x = StandardScaler().fit_transform(iris.data)
y = iris.target
ovr = OneVsRestClassifier(LogisticRegression(C=1.0 / LAMBDA, solver="lbfgs", tol=1e-12, max_iter=100000)).fit(x, y)
theta = [[float(e.intercept_[0])] + [float(w) for w in e.coef_[0]] for e in ovr.estimators_]

design = np.hstack([np.ones((x.shape[0], 1)), x])
m = design.shape[0]


def cost_and_gradient(t, yk):
    """J(θ) = mean(log(1 + e^z) − y·z) + λ/(2m)·Σⱼ≥₁ θⱼ² and its gradient, z = Xθ."""
    z = design @ t
    cost = np.mean(np.logaddexp(0.0, z) - yk * z) + LAMBDA / (2 * m) * np.sum(t[1:] ** 2)
    gradient = design.T @ (1.0 / (1.0 + np.exp(-z)) - yk) / m
    gradient[1:] += LAMBDA / m * t[1:]
    return cost, gradient


refined = []
refined_gradients = []
for k, start in enumerate(theta):
    yk = (y == k).astype(float)
    polished = minimize(lambda t: cost_and_gradient(t, yk), np.array(start), jac=True, method="BFGS", options={"gtol": 1e-13})
    refined.append([float(v) for v in polished.x])
    refined_gradients.append(float(np.max(np.abs(cost_and_gradient(polished.x, yk)[1]))))
result = {
    "source": "OneVsRestClassifier(LogisticRegression(C=1/lambda, solver='lbfgs', tol=1e-12)) on standardized iris",
    "sklearn_version": sklearn.__version__,
    "lambda": LAMBDA,
    "theta": theta,
    "theta_refined": refined,
    "theta_refined_max_gradient": max(refined_gradients),
    "training_accuracy": float(np.mean(ovr.predict(x) == y)),
}
with open(os.path.join(HERE, "logistic_regression_sklearn.json"), "w", encoding="utf-8", newline="\n") as f:
    json.dump(result, f, indent=2)
    f.write("\n")
print(json.dumps(result, indent=2))
