"""Oracle for LinearRegression: scikit-learn's ordinary least squares on a small reproducible dataset.

Regenerate (from the repository root):
    /usr/bin/python3 tests/HomemadeML.Engine.Tests/Oracles/linear_regression_sklearn.py

Writes, next to this script:
    linear_regression_data.csv     the dataset (header x1,x2,x3,y; 17 significant digits, so C# reads the same doubles)
    linear_regression_sklearn.json sklearn.linear_model.LinearRegression's coefficients, intercept and R² on it
The C# tests read both files; they never run Python themselves.
"""

import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261125
ROWS = 200

rng = np.random.default_rng(SEED)
# Three features on different scales and offsets (so normalization matters), mildly correlated.
x1 = rng.normal(50.0, 10.0, ROWS)
x2 = rng.normal(-3.0, 0.5, ROWS) + 0.01 * x1
x3 = rng.uniform(0.0, 1000.0, ROWS)
y = 3.0 + 0.8 * x1 - 4.0 * x2 + 0.002 * x3 + rng.normal(0.0, 2.0, ROWS)
x = np.column_stack([x1, x2, x3])

# Round-trip through the CSV text so the fit below sees exactly the doubles C# will parse.
csv_path = os.path.join(HERE, "linear_regression_data.csv")
with open(csv_path, "w", encoding="utf-8", newline="\n") as f:
    f.write("x1,x2,x3,y\n")
    for row, target in zip(x, y):
        f.write(",".join(repr(float(v)) for v in (*row, target)) + "\n")

data = np.loadtxt(csv_path, delimiter=",", skiprows=1)
x, y = data[:, :3], data[:, 3]
model = LinearRegression().fit(x, y)
result = {
    "source": "sklearn.linear_model.LinearRegression().fit(x, y) on linear_regression_data.csv",
    "sklearn_version": sklearn.__version__,
    "rows": int(x.shape[0]),
    "intercept": float(model.intercept_),
    "coefficients": [float(c) for c in model.coef_],
    "r2": float(r2_score(y, model.predict(x))),
}
with open(os.path.join(HERE, "linear_regression_sklearn.json"), "w", encoding="utf-8", newline="\n") as f:
    json.dump(result, f, indent=2)
    f.write("\n")
print(json.dumps(result, indent=2))
