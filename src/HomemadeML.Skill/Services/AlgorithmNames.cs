using HomemadeML.Content;

namespace HomemadeML.Skill.Services;

/// <summary>Turns what a learner or model typed ("logreg", "K-Means", "neural network") into an algorithm id.</summary>
public sealed class AlgorithmNames(Func<LessonLibrary> lessons)
{
    /// <summary>The algorithm id for <paramref name="name"/>, or an error listing the valid ids and the closest match.</summary>
    public string Resolve(string name, string argument = "algorithm")
    {
        var trimmed = (name ?? string.Empty).Trim();
        var exact = AlgorithmCatalog.Ids.FirstOrDefault(id => string.Equals(id, trimmed, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var resolution = lessons().Resolve(trimmed);
        if (resolution.Lesson is { } lesson)
        {
            return lesson.Id;
        }

        var closest = resolution.ClosestMatch is { } match ? $" Did you mean '{match}'?" : string.Empty;
        throw new SkillArgumentException(argument,
            $"{argument}: '{trimmed}' is not an algorithm.{closest} Valid ids: {string.Join(", ", AlgorithmCatalog.Ids)} (lesson aliases such as 'logreg' or 'neural network' work too).");
    }
}
