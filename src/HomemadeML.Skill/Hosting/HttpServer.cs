using HomemadeML.Skill.Services;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HomemadeML.Skill.Hosting;

/// <summary>
/// The MCP server over Streamable HTTP at /mcp (stateless), for shared or remote use. Loopback unless
/// --allow-remote; browsers' cross-site requests are refused by their Origin header (DNS-rebinding defence);
/// HOMEMADE_ML_TOKEN turns on bearer-token authentication; bodies are capped; /health answers probes.
/// </summary>
internal static class HttpServer
{
    private const string DefaultUrl = "http://127.0.0.1:5077";

    // The largest body a legitimate request needs: a 2 MB CSV, JSON-escaped, plus the envelope (raised with --max-csv-bytes).
    private const long MaxRequestBodyBytes = 5L * 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        string urls = Option(args, "--urls") ?? DefaultUrl;
        bool allowRemote = args.Contains("--allow-remote");
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                await Console.Error.WriteLineAsync($"--urls: '{url}' is not a URL such as {DefaultUrl}.").ConfigureAwait(false);
                return 2;
            }

            if (!allowRemote && !IsLoopback(uri.Host))
            {
                await Console.Error.WriteLineAsync($"--urls: {uri.Host} is not a loopback address; add --allow-remote to serve other machines (and set HOMEMADE_ML_TOKEN).").ConfigureAwait(false);
                return 2;
            }
        }

        SkillLimits limits;
        try
        {
            limits = SkillLimits.FromEnvironmentAndArguments(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"homemade-ml: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        // JSON escaping can double a CSV's size; the envelope adds little.
        long bodyLimit = Math.Max(MaxRequestBodyBytes, (2L * limits.MaxCsvBytes) + (64 * 1024));
        var builder = WebApplication.CreateSlimBuilder();
        StdioServer.ConfigureLogging(builder.Logging);
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = bodyLimit);
        builder.Services.AddHomemadeMlSkill(limits).WithHttpTransport(o => o.Stateless = true);
        var app = builder.Build();
        string? token = Environment.GetEnvironmentVariable("HOMEMADE_ML_TOKEN");
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            if (context.Request.Headers.Origin is { Count: > 0 } origin && !IsLocalOrigin(origin.ToString(), context.Request.Host.Host))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync($"Origin {origin} is not allowed.").ConfigureAwait(false);
                return;
            }

            if (!string.IsNullOrEmpty(token) && !IsToken(context.Request.Headers.Authorization.ToString(), token))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        // A RequestDelegate, not a lambda with parameters: minimal-API binding needs reflection, which Native AOT lacks.
        app.MapGet("/health", context => context.Response.WriteAsync("ok", context.RequestAborted));
        app.MapMcp("/mcp");
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>Constant-time comparison, so response timing does not reveal how much of a guess was right.</summary>
    private static bool IsToken(string authorization, string token) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(authorization), System.Text.Encoding.UTF8.GetBytes($"Bearer {token}"));

    private static string? Option(string[] args, string name)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static bool IsLoopback(string host) =>
        host is "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    // A browser page may only call us from our own host or a loopback page.
    private static bool IsLocalOrigin(string origin, string requestHost) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (IsLoopback(uri.Host) || string.Equals(uri.Host, requestHost, StringComparison.OrdinalIgnoreCase));
}
