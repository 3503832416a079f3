using System.Runtime.CompilerServices;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HomemadeML.Skill.Hosting;

/// <summary>
/// A token that fires when the client's transport stops reading — over stdio, when stdin closes because the client
/// went away. When that happens the SDK ends the session only after every running tool has finished, and it does not
/// cancel them, so a long training kept a stdio server alive and busy for up to the wall-time cap with nobody waiting.
/// CallToolGuard links this token into every call's. (HTTP sessions have no single transport; an aborted HTTP request
/// already cancels its own token.)
/// </summary>
internal static class ClientConnection
{
    private static readonly ConditionalWeakTable<ITransport, CancellationTokenSource> Gone = new();

    /// <summary>Cancelled once the session's transport has stopped reading; <see cref="CancellationToken.None"/> without one.</summary>
    public static CancellationToken GoneToken(RequestContext<CallToolRequestParams>? request) =>
        request?.Server.Services?.GetService(typeof(ITransport)) is ITransport transport
            ? Gone.GetValue(transport, static t =>
            {
                var gone = new CancellationTokenSource();
                t.MessageReader.Completion.ContinueWith(static (_, state) => ((CancellationTokenSource)state!).Cancel(), gone, CancellationToken.None,
                    TaskContinuationOptions.None, TaskScheduler.Default);
                return gone;
            }).Token
            : CancellationToken.None;
}
