"""scikit-learn's K-means inertia on the iris features, the oracle for KMeansTests.

Regenerate the fixture with Debian's python3-sklearn:
    /usr/bin/python3 tests/HomemadeML.Engine.Tests/Oracles/kmeans_sklearn.py > tests/HomemadeML.Engine.Tests/Oracles/kmeans_sklearn.json
"""
import json

from sklearn import __version__ as sklearn_version
from sklearn.cluster import KMeans
from sklearn.datasets import load_iris

iris = load_iris()
model = KMeans(n_clusters=3, n_init=10, random_state=0).fit(iris.data)
print(json.dumps({
    "source": f"sklearn.cluster.KMeans(n_clusters=3, n_init=10, random_state=0) on load_iris().data, scikit-learn {sklearn_version}",
    "k": 3,
    "inertia": float(model.inertia_),
}, indent=2))
