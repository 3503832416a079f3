using HomemadeML.Content.Tests.Harness;

namespace HomemadeML.Content.Tests;

public sealed class LearningPathTests
{
    private static LessonLibrary Library => LessonChecks.Library;

    [Fact]
    public void Steps_CoverEveryLessonOnceInPositionOrder()
    {
        var steps = Library.LearningPath.Steps;

        Assert.Equal(Library.Lessons.Select(l => l.Id), steps.Select(s => s.LessonId));
        Assert.Equal(Library.Lessons.Select(l => l.Position), steps.Select(s => s.Position));
    }

    [Fact]
    public void Steps_EachHasWhyPrerequisitesCheckpointQuestionAndAnswer()
    {
        Assert.All(Library.LearningPath.Steps, step =>
        {
            Assert.False(string.IsNullOrWhiteSpace(step.Title));
            Assert.False(string.IsNullOrWhiteSpace(step.WhyNow));
            Assert.False(string.IsNullOrWhiteSpace(step.Prerequisites));
            Assert.EndsWith("?", step.Checkpoint, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(step.Answer));
        });
    }

    [Fact]
    public void Steps_LessonPrerequisitesComeEarlierOnThePath()
    {
        foreach (var lesson in Library.Lessons)
        {
            Assert.All(lesson.Prerequisites, p => Assert.True(
                Library.GetLesson(p).Position < lesson.Position,
                $"'{lesson.Id}' (position {lesson.Position}) requires '{p}', which comes later"));
        }
    }

    [Fact]
    public void Load_StepNamingUnknownLesson_FailsWithFileAndLine()
    {
        using var copy = ContentFolders.CopyToTemp();
        copy.Edit("skill-content/learning-path.md", "{#k-means}", "{#k-medoids}");

        var error = Assert.Throws<ContentLoadException>(() => LessonLibrary.LoadFromDirectory(copy.Root));

        Assert.Equal("skill-content/learning-path.md", error.File);
        Assert.True(error.Line > 1);
        Assert.Contains("k-medoids", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StepWithoutAnswer_FailsNamingTheMissingLine()
    {
        using var copy = ContentFolders.CopyToTemp();
        copy.Edit("skill-content/learning-path.md", "Answer: No. Inertia", "The answer: No. Inertia");

        var error = Assert.Throws<ContentLoadException>(() => LessonLibrary.LoadFromDirectory(copy.Root));

        Assert.Contains("'Answer:'", error.Message, StringComparison.Ordinal);
    }
}
