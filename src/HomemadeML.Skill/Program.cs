using HomemadeML.Skill.Cli;
using HomemadeML.Skill.Hosting;

// No arguments (how MCP clients launch it) or "serve": MCP over stdio. --http: Streamable HTTP.
// Anything else: the command-line face for people (homemade-ml run …, explain …, --help).
if (args.Length == 0 || args[0] == "serve")
{
    // stdout carries only JSON-RPC: send every stray Console.Write to stderr before anything can print.
    Console.SetOut(Console.Error);
    await StdioServer.RunAsync().ConfigureAwait(false);
    return 0;
}

if (args.Contains("--http"))
{
    return await HttpServer.RunAsync(args).ConfigureAwait(false);
}

return await CommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
