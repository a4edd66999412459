namespace Harmonia.Domain.Gaps;

/// <summary>Ordered so that a larger value is a better result; <see cref="NotApplicable"/> stands outside that order.</summary>
public enum RequirementResult
{
    NotAssessed = 0,
    NotSatisfied = 1,
    PartiallySatisfied = 2,
    Satisfied = 3,
    NotApplicable = 4,
}

public static class RequirementResultExtensions
{
    /// <summary>Share of the requirement counted as met in headline figures: partial counts as half.</summary>
    public static double Credit(this RequirementResult result) => result switch
    {
        RequirementResult.Satisfied => 1.0,
        RequirementResult.PartiallySatisfied => 0.5,
        _ => 0.0,
    };

    /// <summary>The word JSON and filters use; the same as the table's label (an unassessed requirement is "open").</summary>
    public static string ToToken(this RequirementResult result) => result switch
    {
        RequirementResult.Satisfied => "satisfied",
        RequirementResult.PartiallySatisfied => "partially_satisfied",
        RequirementResult.NotSatisfied => "not_satisfied",
        RequirementResult.NotApplicable => "not_applicable",
        _ => "open",
    };

    public static string ToLabel(this RequirementResult result) => result switch
    {
        RequirementResult.Satisfied => "Satisfied",
        RequirementResult.PartiallySatisfied => "Partially satisfied",
        RequirementResult.NotSatisfied => "Not satisfied",
        RequirementResult.NotApplicable => "Not applicable",
        _ => "Open",
    };
}
