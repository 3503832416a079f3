using HomemadeML.Benchmarks;
using HomemadeML.Benchmarks.Sections;

// Usage: dotnet run -c Release --project tests/HomemadeML.Benchmarks -- <section> [options]
// Each section is one named entry; add a section by adding an IBenchmarkSection to this list (`all` runs them in order).
IBenchmarkSection[] ordered = [new GemmBenchmark(), new MlpBenchmark(), new LogisticBenchmark(), new KMeansBenchmark(), new AnomalyBenchmark(), new MemoryBenchmark(), new ServerBenchmark()];
var sections = new Dictionary<string, IBenchmarkSection>(StringComparer.OrdinalIgnoreCase);
foreach (var section in ordered.Append(new AllBenchmark(ordered)))
{
    sections.Add(section.Name, section);
}

// The memory section re-launches this program with a hidden sub-command, so each measurement starts from a fresh process.
if (args.Length > 0 && args[0] == MemoryBenchmark.ChildCommand)
{
    try
    {
        return MemoryBenchmark.RunChild(args[1..], Console.Out);
    }
    catch (ArgumentException error)
    {
        Console.Error.WriteLine(error.Message);
        return 2;
    }
}

if (args.Length == 0 || !sections.TryGetValue(args[0], out var chosen))
{
    Console.Error.WriteLine("usage: HomemadeML.Benchmarks <section> [options]");
    Console.Error.WriteLine("sections:");
    foreach (var section in sections.Values)
    {
        Console.Error.WriteLine($"  {section.Name,-10} {section.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

try
{
    chosen.Run(BenchmarkOptions.Parse(args[1..]), Console.Out);
    return 0;
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
