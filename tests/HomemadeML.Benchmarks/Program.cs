using HomemadeML.Benchmarks;
using HomemadeML.Benchmarks.Sections;

// Usage: dotnet run -c Release --project tests/HomemadeML.Benchmarks -- <section> [options]
// Each section is one named entry; add a section by adding an IBenchmarkSection and one line here.
var sections = new Dictionary<string, IBenchmarkSection>(StringComparer.OrdinalIgnoreCase);
foreach (var section in new IBenchmarkSection[] { new GemmBenchmark() })
{
    sections.Add(section.Name, section);
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
