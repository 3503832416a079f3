using HomemadeML.Skill.Cli;
using HomemadeML.Skill.Hosting;

// stdout carries only JSON-RPC in MCP mode: send every stray Console.Write to stderr before anything can print.
// (The SDK's stdio transport and the CLI open the raw stdout stream themselves.)
Console.SetOut(Console.Error);

// No arguments (how MCP clients launch it), "serve" or only --max-… limit flags: MCP over stdio. --http: Streamable HTTP.
// Anything else, and any --help: the command-line face for people (homemade-ml run …, explain …, --help).
bool help = args.Contains("--help") || args.Contains("-h");
if (!help && (args.Length == 0 || args[0] == "serve" || args[0].StartsWith("--max-", StringComparison.Ordinal)))
{
    return await StdioServer.RunAsync(args).ConfigureAwait(false);
}

if (!help && args.Contains("--http"))
{
    return await HttpServer.RunAsync(args).ConfigureAwait(false);
}

await using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
return await CommandLine.RunAsync(args, stdout, Console.Error).ConfigureAwait(false);
