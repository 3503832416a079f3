namespace HomemadeML.Skill.Services;

/// <summary>
/// A request argument that cannot be used. The message names the argument, the value and what is allowed;
/// the MCP tools turn it into an isError result and the CLI into an error line and exit code 2.
/// </summary>
public sealed class SkillArgumentException(string argument, string message) : Exception(message)
{
    public string Argument { get; } = argument;
}
