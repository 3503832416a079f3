using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ModelContextProtocol.Server;

namespace HomemadeML.Skill.Prompts;

/// <summary>Ready-made study sessions the learner can pick from the client's prompt menu.</summary>
[McpServerPromptType]
public sealed class SkillPrompts
{
    private const string Algorithms = "linear-regression, logistic-regression, multilayer-perceptron, k-means or anomaly-detection";

    [McpServerPrompt(Name = "learn_algorithm", Title = "Learn an algorithm step by step")]
    [Description("Walks the learner through one algorithm: idea, formulas, a real run, a break-it experiment, and a checkpoint question.")]
    public static string LearnAlgorithm(
        [Description("The algorithm: " + Algorithms + ".")]
        [AllowedValues("linear-regression", "logistic-regression", "multilayer-perceptron", "k-means", "anomaly-detection")] string algorithm) =>
        $"Teach me {algorithm} step by step, from scratch. 1) Call explain_algorithm with level beginner and explain the idea in your own words with one concrete example. " +
        $"2) Call show_formula with format unicode and walk me through the cost function and the update rule, symbol by symbol. " +
        $"3) Call run_example for {algorithm} on its default dataset and read the metrics and the cost history with me. " +
        "4) Pick one exercise from the lesson's exercises section, run it with run_example (use a sweep where it fits) and explain what changed and why. " +
        "5) End with the checkpoint question from learning_path for this algorithm and wait for my answer before revealing it.";

    [McpServerPrompt(Name = "study_session", Title = "Continue the learning path")]
    [Description("Picks up the learning path from where the learner is and plans the next session.")]
    public static string StudySession(
        [Description("The algorithm the learner finished last (" + Algorithms + "); empty to start at the beginning.")] string current = "") =>
        (current.Length == 0 ? "I'm starting to learn machine learning from scratch. " : $"I have just studied {current}. ") +
        "Call learning_path" + (current.Length == 0 ? "" : $" with current={current}") +
        ", ask me the checkpoint question first, then introduce the next algorithm with explain_algorithm (level beginner), " +
        "show one real training run with run_example, and suggest the notebook from get_notebook_links to try on my own.";

    [McpServerPrompt(Name = "debug_my_training", Title = "Diagnose a training run")]
    [Description("Diagnoses a training run: reads the cost curve and hyperparameters, names the likely cause, and proves it with a sweep.")]
    public static string DebugMyTraining(
        [Description("The algorithm being trained: " + Algorithms + ".")]
        [AllowedValues("linear-regression", "logistic-regression", "multilayer-perceptron", "k-means", "anomaly-detection")] string algorithm,
        [Description("What the learner sees, e.g. 'the cost goes up', 'accuracy stuck at 0.33', 'train 0.99 test 0.7'.")] string symptom = "") =>
        $"My {algorithm} training is not behaving" + (symptom.Length > 0 ? $": {symptom}." : ".") +
        $" Call run_example for {algorithm} to reproduce it, read the cost history and stop reason, and tell me the most likely cause " +
        "(learning rate too large or too small, unscaled features, too few iterations, too little or too much regularization, over-fitting). " +
        "Then prove it with a sweep over the one hyperparameter that matters, and explain the fix in terms of the lesson's formulas (use show_formula).";
}
