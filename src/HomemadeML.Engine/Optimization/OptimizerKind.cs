namespace HomemadeML.Engine.Optimization;

/// <summary>Which minimizer drives a smooth cost function downhill.</summary>
public enum OptimizerKind
{
    /// <summary>Fixed-step batch gradient descent, θ ← θ − α·∇J(θ): the teaching baseline.</summary>
    GradientDescent,

    /// <summary>Nonlinear conjugate gradient (Polak–Ribière+, strong-Wolfe line search), the family of homemade's <c>scipy.optimize.minimize(method='CG')</c>.</summary>
    ConjugateGradient,

    /// <summary>Limited-memory BFGS (two-loop recursion, strong-Wolfe line search).</summary>
    Lbfgs,
}
