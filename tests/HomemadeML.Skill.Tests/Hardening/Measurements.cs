namespace HomemadeML.Skill.Tests.Hardening;

/// <summary>
/// Tests that measure CPU time or the whole test process's managed memory: they run alone, after the parallel ones, so
/// other tests' work neither starves the measured server nor shows up in the measured heap.
/// </summary>
[CollectionDefinition(nameof(Measurements), DisableParallelization = true)]
public sealed class Measurements;
