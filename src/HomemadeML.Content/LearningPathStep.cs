namespace HomemadeML.Content;

/// <summary>One step of the learning path: a lesson, why it comes here, and a question to check understanding.</summary>
/// <param name="Position">1-based order on the path.</param>
/// <param name="LessonId">The lesson this step teaches.</param>
/// <param name="Title">Step title (after "Step N:").</param>
/// <param name="WhyNow">Why the lesson comes at this point.</param>
/// <param name="Prerequisites">What the learner should know first, in prose.</param>
/// <param name="Checkpoint">A question the learner should be able to answer after the lesson.</param>
/// <param name="Answer">The expected answer.</param>
public sealed record LearningPathStep(
    int Position, string LessonId, string Title, string WhyNow, string Prerequisites, string Checkpoint, string Answer);
