using HomemadeML.Skill.Services;
using ModelContextProtocol;

namespace HomemadeML.Skill.Tools;

/// <summary>
/// Turns argument errors into <see cref="McpException"/>, the only exception whose message the SDK shows the
/// client (as an isError result); anything else would reach the model as a bare "an error occurred".
/// </summary>
internal static class ToolErrors
{
    public static T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (SkillArgumentException ex)
        {
            throw new McpException(ex.Message);
        }
    }

    public static async Task<T> GuardAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (SkillArgumentException ex)
        {
            throw new McpException(ex.Message);
        }
    }
}
