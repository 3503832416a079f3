using HomemadeML.Skill.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HomemadeML.Skill.Hosting;

/// <summary>
/// The tools/call filter: refuses arguments that do not fit the tool with a message naming them (before the SDK's
/// binder can answer a bare "An error occurred invoking 'tool'."), and cancels the call when the client has gone.
/// </summary>
internal static class CallToolGuard
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.Params is { } call)
            {
                try
                {
                    ToolArguments.Check(call);
                }
                catch (McpException refused)
                {
                    // The same wording the SDK gives an McpException thrown by the tool itself.
                    return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = $"An error occurred invoking '{call.Name}': {refused.Message}" }] };
                }
            }

            using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ClientConnection.GoneToken(context));
            return await next(context, running.Token).ConfigureAwait(false);
        };
}
