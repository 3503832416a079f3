using HomemadeML.Engine.Optimization;

namespace HomemadeML.Engine.Tests.Optimization;

public class GradientCheckTests
{
    [Fact]
    public void Run_CorrectGradient_RelativeDifferenceBelowOneInAMillion()
    {
        var result = GradientCheck.Run(TestObjectives.Rosenbrock, [-1.2, 1]);
        Assert.True(result.MaxRelativeDifference < 1e-6, $"max relative difference {result.MaxRelativeDifference}");
        Assert.Equal(2, result.Numerical.Count);
    }

    [Fact]
    public void Run_GradientOffByOnePercent_ReportsTheWrongComponent()
    {
        Objective wrong = (p, g) =>
        {
            double cost = TestObjectives.Rosenbrock(p, g);
            g[1] *= 1.01;
            return cost;
        };

        var result = GradientCheck.Run(wrong, [-1.2, 1]);
        Assert.Equal(1, result.WorstIndex);
        Assert.True(Math.Abs(result.MaxRelativeDifference - (0.01 / 1.01)) < 1e-6, $"max relative difference {result.MaxRelativeDifference}");
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(2.0, 1.0, 0.5)]
    [InlineData(-1.0, 1.0, 2.0)]
    [InlineData(1e-12, 2e-12, 1e-4)] // below the floor 1e-8: compared absolutely
    public void RelativeDifference_Examples_MatchDefinition(double analytic, double numerical, double expected)
    {
        Assert.Equal(expected, GradientCheck.RelativeDifference(analytic, numerical), 12);
    }

    [Fact]
    public void Run_NonPositiveStep_ThrowsNamingStep()
    {
        Assert.Throws<ArgumentOutOfRangeException>("step", () => GradientCheck.Run(TestObjectives.Rosenbrock, [0, 0], step: 0));
    }
}
