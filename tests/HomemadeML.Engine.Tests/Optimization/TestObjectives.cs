using HomemadeML.Engine.Optimization;

namespace HomemadeML.Engine.Tests.Optimization;

/// <summary>Small cost functions with known minima for the optimizer tests.</summary>
internal static class TestObjectives
{
    /// <summary>Rosenbrock's banana valley J = (1 − a)² + 100(b − a²)², minimum 0 at (1, 1): a classic curved, badly scaled test.</summary>
    public static double Rosenbrock(ReadOnlySpan<double> p, Span<double> g)
    {
        double a = p[0], b = p[1];
        g[0] = (-2 * (1 - a)) - (400 * a * (b - (a * a)));
        g[1] = 200 * (b - (a * a));
        return ((1 - a) * (1 - a)) + (100 * (b - (a * a)) * (b - (a * a)));
    }

    /// <summary>J = ½·Σⱼ cⱼ·(θⱼ − j)², curvatures cⱼ spread over [1, condition]; minimum 0 at θⱼ = j.</summary>
    public static Objective Quadratic(int n, double condition) => (p, g) =>
    {
        double cost = 0;
        for (int j = 0; j < n; j++)
        {
            double c = Math.Pow(condition, n == 1 ? 0 : (double)j / (n - 1));
            double d = p[j] - j;
            g[j] = c * d;
            cost += 0.5 * c * d * d;
        }

        return cost;
    };
}
