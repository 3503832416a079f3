using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Features;

/// <summary>
/// Turns raw feature rows into the design matrix a model trains on:
/// [1 | normalized x | sin(k·x) for k = 1…S | normalized polynomial terms].
/// It is fitted once on the training rows and stores every statistic it uses (the mean and deviation of
/// the inputs and of the polynomial terms), so new data is always transformed with the training numbers —
/// unlike homemade's <c>prepare_for_training</c>, which re-normalizes whatever data it is given.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class FeaturePipeline
{
    /// <summary>Most design-matrix columns a pipeline may produce: beyond this, high degrees on wide data would exhaust memory.</summary>
    public const int MaxOutputColumns = 100_000;

    private readonly double[] _mean;
    private readonly double[] _deviation;
    private readonly double[] _polynomialMean;
    private readonly double[] _polynomialDeviation;
    private readonly (int A, int B)[] _pairs;

    private FeaturePipeline(FeatureOptions options, int inputColumns, double[] mean, double[] deviation, (int A, int B)[] pairs, double[] polynomialMean, double[] polynomialDeviation)
    {
        Options = options;
        InputColumns = inputColumns;
        _mean = mean;
        _deviation = deviation;
        _pairs = pairs;
        _polynomialMean = polynomialMean;
        _polynomialDeviation = polynomialDeviation;
        SinusoidColumns = SinusoidFeatures.Count(inputColumns, options.SinusoidDegree);
        PolynomialColumns = polynomialMean.Length;
        OutputColumns = checked(1 + inputColumns + SinusoidColumns + PolynomialColumns);
    }

    public FeatureOptions Options { get; }

    /// <summary>Columns of the raw data this pipeline accepts.</summary>
    public int InputColumns { get; }

    /// <summary>Columns of the design matrix, the bias column included.</summary>
    public int OutputColumns { get; }

    /// <summary>Number of sin(k·x) columns (after the bias and the normalized inputs).</summary>
    public int SinusoidColumns { get; }

    /// <summary>Number of polynomial columns (last in the design matrix).</summary>
    public int PolynomialColumns { get; }

    /// <summary>Training mean of each input column (all 0 when <see cref="FeatureOptions.Normalize"/> is off).</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>Training deviation of each input column (1 for constant columns, all 1 when normalization is off).</summary>
    public IReadOnlyList<double> Deviation => _deviation;

    /// <summary>Training mean of each polynomial term, stored so new data's terms are scaled the same way.</summary>
    public IReadOnlyList<double> PolynomialMean => _polynomialMean;

    /// <summary>Training deviation of each polynomial term.</summary>
    public IReadOnlyList<double> PolynomialDeviation => _polynomialDeviation;

    /// <summary>Learns the statistics of <paramref name="x"/> (rows are examples) for <paramref name="options"/>.</summary>
    public static FeaturePipeline Fit(Matrix x, FeatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        options ??= new FeatureOptions();
        options.Validate();
        if (x.Rows < 1)
        {
            throw new ArgumentException($"x must have at least 1 row to learn feature statistics; got {x.Rows}.", nameof(x));
        }

        ColumnStatistics.RequireFinite(x, nameof(x));
        int n = x.Columns;
        var mean = new double[n];
        var deviation = new double[n];
        if (options.Normalize)
        {
            ColumnStatistics.Compute(x.Data, x.Rows, n, mean, deviation);
        }
        else
        {
            deviation.AsSpan().Fill(1);
        }

        var pairs = options.PolynomialDegree > 0 ? PolynomialFeatures.Pairs(n) : [];
        long polynomialCount = (long)pairs.Length * (options.PolynomialDegree * (options.PolynomialDegree + 3) / 2);
        long outputColumns = 1 + n + ((long)n * options.SinusoidDegree) + polynomialCount;
        if (outputColumns > MaxOutputColumns)
        {
            throw new ArgumentOutOfRangeException(nameof(options), outputColumns,
                $"PolynomialDegree {options.PolynomialDegree} and SinusoidDegree {options.SinusoidDegree} on {n} features give {outputColumns:N0} columns; at most {MaxOutputColumns:N0} are allowed.");
        }

        var polynomialMean = new double[(int)polynomialCount];
        var polynomialDeviation = new double[(int)polynomialCount];
        polynomialDeviation.AsSpan().Fill(1);
        var pipeline = new FeaturePipeline(options, n, mean, deviation, pairs, polynomialMean, polynomialDeviation);
        if (polynomialCount > 0 && options.Normalize)
        {
            // The polynomial terms of the training rows (built from normalized inputs) give their own statistics.
            int terms = (int)polynomialCount;
            var raw = new double[checked(x.Rows * terms)];
            var normalizedRow = new double[n];
            var scratch = new double[PolynomialFeatures.ScratchLength(pairs.Length, options.PolynomialDegree)];
            for (int i = 0; i < x.Rows; i++)
            {
                pipeline.NormalizeRow(x.Row(i), normalizedRow);
                PolynomialFeatures.Generate(normalizedRow, pairs, options.PolynomialDegree, scratch, raw.AsSpan(i * terms, terms));
            }

            ColumnStatistics.Compute(raw, x.Rows, terms, polynomialMean, polynomialDeviation);
        }

        return pipeline;
    }

    /// <summary>The design matrix of <paramref name="x"/>: bias column first, then the features in <see cref="ColumnNames"/> order.</summary>
    public Matrix Transform(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var destination = new Matrix(x.Rows, OutputColumns);
        Transform(x, destination);
        return destination;
    }

    /// <summary>Writes the design matrix of <paramref name="x"/> into <paramref name="destination"/> (x.Rows × <see cref="OutputColumns"/>).</summary>
    public void Transform(Matrix x, Matrix destination)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(destination);
        if (x.Columns != InputColumns)
        {
            throw new ArgumentException($"x has {x.Columns} columns; this pipeline was fitted on data with {InputColumns}.", nameof(x));
        }

        if (destination.Rows != x.Rows || destination.Columns != OutputColumns)
        {
            throw new ArgumentException(
                $"destination is {destination.Rows}×{destination.Columns}; the design matrix of x is {x.Rows}×{OutputColumns}.", nameof(destination));
        }

        ColumnStatistics.RequireFinite(x, nameof(x));
        int n = InputColumns;
        int degree = Options.PolynomialDegree;
        var scratch = new double[PolynomialFeatures.ScratchLength(_pairs.Length, degree)];
        for (int i = 0; i < x.Rows; i++)
        {
            var row = destination.Row(i);
            row[0] = 1;
            var normalized = row.Slice(1, n);
            NormalizeRow(x.Row(i), normalized);
            SinusoidFeatures.Generate(normalized, Options.SinusoidDegree, row.Slice(1 + n, SinusoidColumns));
            if (PolynomialColumns > 0)
            {
                var polynomials = row.Slice(1 + n + SinusoidColumns, PolynomialColumns);
                PolynomialFeatures.Generate(normalized, _pairs, degree, scratch, polynomials);
                for (int j = 0; j < polynomials.Length; j++)
                {
                    polynomials[j] = (polynomials[j] - _polynomialMean[j]) / _polynomialDeviation[j];
                }
            }
        }
    }

    /// <summary>Names of the design-matrix columns, e.g. ["1", "x1", "x2", "sin(x1)", "x1^2·x2"]; defaults to x1…xn.</summary>
    public IReadOnlyList<string> ColumnNames(IReadOnlyList<string>? inputNames = null)
    {
        if (inputNames is not null && inputNames.Count != InputColumns)
        {
            throw new ArgumentException($"inputNames has {inputNames.Count} names; the pipeline has {InputColumns} input columns.", nameof(inputNames));
        }

        var names = inputNames ?? [.. Enumerable.Range(1, InputColumns).Select(j => $"x{j}")];
        var result = new List<string>(OutputColumns) { "1" };
        result.AddRange(names);
        for (int k = 1; k <= Options.SinusoidDegree; k++)
        {
            result.AddRange(names.Select(name => SinusoidFeatures.Name(name, k)));
        }

        result.AddRange(PolynomialFeatures.Names(names, _pairs, Options.PolynomialDegree));
        return result;
    }

    private void NormalizeRow(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (int j = 0; j < x.Length; j++)
        {
            destination[j] = (x[j] - _mean[j]) / _deviation[j];
        }
    }
}
