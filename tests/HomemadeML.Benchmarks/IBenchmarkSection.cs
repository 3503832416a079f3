namespace HomemadeML.Benchmarks;

/// <summary>One named group of measurements (gemm, later mlp, logistic, kmeans, …) that prints its own table.</summary>
internal interface IBenchmarkSection
{
    string Name { get; }

    string Description { get; }

    void Run(BenchmarkOptions options, TextWriter output);
}
