namespace HomemadeML.Skill.Services;

/// <summary>The side-by-side facts compare_algorithms tabulates for one algorithm.</summary>
public sealed record AlgorithmFacts(
    string Algorithm, string Task, string Model, string Cost, string Optimizer, string Assumptions,
    string Complexity, string Strengths, string Weaknesses, string WhenToPick)
{
    public static IReadOnlyDictionary<string, AlgorithmFacts> All { get; } = new Dictionary<string, AlgorithmFacts>
    {
        ["linear-regression"] = new("linear-regression", "regression", "ŷ = θᵀx (optionally on polynomial/sinusoid features)",
            "mean squared error J(θ) = 1/(2m)·Σ(ŷ − y)² + L2", "batch gradient descent, or the normal equation in one solve",
            "the target is (close to) a linear function of the features; noise is symmetric", "O(m·n) per iteration; normal equation O(n³)",
            "fast, interpretable θ, a closed-form check", "cannot bend without feature engineering; outliers pull it",
            "a numeric target with roughly straight-line relationships, or as the baseline for any regression"),
        ["logistic-regression"] = new("logistic-regression", "classification", "P(y=1|x) = σ(θᵀx); one-vs-all over K classes",
            "cross-entropy −(1/m)·Σ[y·log h + (1−y)·log(1−h)] + L2", "L-BFGS (default), conjugate gradient, or gradient descent",
            "classes separable by a hyperplane in the (engineered) feature space", "O(m·n·K) per iteration",
            "probabilities, convex (one global minimum), interpretable weights", "linear boundaries unless you add features",
            "a first classifier on tabular data; when you need calibrated-ish probabilities and speed"),
        ["multilayer-perceptron"] = new("multilayer-perceptron", "classification", "layers of sigmoid units a⁽ˡ⁺¹⁾ = g(Θ⁽ˡ⁾a⁽ˡ⁾)",
            "cross-entropy over the outputs + L2 on the weights", "back-propagation with gradient descent (full batch or mini-batches)",
            "enough data to learn the extra parameters; scaled inputs", "O(m·Σ sₗ·sₗ₊₁) per iteration",
            "learns non-linear boundaries and features by itself (images)", "non-convex: depends on the initialization, slower, harder to tune",
            "when linear models under-fit: images, curved boundaries, many interacting features"),
        ["k-means"] = new("k-means", "clustering", "K centroids; each point belongs to its nearest one",
            "inertia Σ‖x − μ_c(x)‖² (distortion)", "Lloyd's algorithm: assign, then move centroids to the means",
            "round, similar-sized clusters; you choose K", "O(m·K·n) per iteration",
            "simple, fast, no labels needed", "local minima (use restarts / k-means++), sensitive to scale and outliers, K must be chosen",
            "to find groups in unlabelled data, compress data, or initialize other models"),
        ["anomaly-detection"] = new("anomaly-detection", "anomaly", "p(x) = Πⱼ N(xⱼ; μⱼ, σⱼ²), flag p(x) < ε",
            "maximum likelihood for μ and σ²; ε chosen by F1 on labelled rows", "closed form (one pass) plus a scan over ε",
            "normal data is roughly Gaussian per feature; features independent (or use the full covariance)", "O(m·n) to fit; O(n) per prediction",
            "works with very few anomalies; no need to know what an anomaly looks like", "the independence assumption; needs a few labels to pick ε",
            "rare events (failing servers, fraud) where anomalies are too few or varied for a classifier"),
    };
}
