namespace Harmonia.Domain.Readiness;

/// <summary>One task of the roadmap, dated.</summary>
/// <param name="Id">Stable within a plan ("risk-methodology"); dependencies refer to it.</param>
/// <param name="OwnerRole">The role that leads the task.</param>
/// <param name="Owner">The person the organization named for that role, if any.</param>
/// <param name="EffortPersonDays">Person-days of work, scaled to the organization's size.</param>
/// <param name="WorkingDays">Working days from <see cref="Start"/> to <see cref="End"/>, both included.</param>
/// <param name="RequirementIds">The open target (or baseline) requirements whose work the task carries.</param>
public sealed record RoadmapTask(
    string Id,
    RoadmapStep Step,
    string Name,
    string Description,
    string OwnerRole,
    string? Owner,
    double EffortPersonDays,
    IReadOnlyList<string> DependsOn,
    DateOnly Start,
    DateOnly End,
    int WorkingDays,
    IReadOnlyList<string> RequirementIds);

/// <summary>The dated plan from gap analysis to the Stage 2 audit.</summary>
/// <param name="BaselineFirst">The plan builds ISO 27001 first because too little of it is in place.</param>
public sealed record RoadmapPlan(
    IReadOnlyList<RoadmapTask> Tasks,
    DateOnly Start,
    DateOnly End,
    double TeamCapacityFte,
    bool BaselineFirst)
{
    public double TotalEffortPersonDays => Math.Round(Tasks.Sum(t => t.EffortPersonDays), 1);

    public int TotalWorkingDays => WorkingDays.Between(Start, End);

    /// <summary>Calendar months from the first day to the last, at the average Gregorian month length.</summary>
    public double TotalMonths => Math.Round((End.DayNumber - Start.DayNumber + 1) / 30.44, 1);
}
