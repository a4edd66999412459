using Harmonia.Domain.Work;

namespace Harmonia.App.Features.Work;

/// <summary>One open item as the API and the pages show it.</summary>
/// <param name="Link">The record's page (site-relative).</param>
/// <param name="Assignee">The member it belongs to, or null when unassigned.</param>
/// <param name="Owner">The owner as the record names it (free text), kept when it names no member.</param>
public sealed record DueWorkItemDto(
    string Id,
    WorkModule Module,
    string What,
    DateOnly DueOn,
    DueWindow Window,
    string Reason,
    WorkAssigneeDto? Assignee,
    string? Owner,
    string? Link);

public sealed record WorkAssigneeDto(Guid Id, string Name);

public sealed record DueWorkCounts(int Overdue, int ThisWeek, int Later);

/// <summary>A page of due work, with the counts per window of the whole selection (before paging and the due filter).</summary>
public sealed record DueWorkPage(IReadOnlyList<DueWorkItemDto> Items, int PageNumber, int PageSize, int Total, DueWorkCounts Counts, DateOnly Today)
{
    public int Pages => Total == 0 ? 0 : ((Total - 1) / PageSize) + 1;
}

/// <param name="Assignee">A member id, "me" or "unassigned"; empty for everyone.</param>
/// <param name="Due">overdue, week or later; empty for all.</param>
/// <param name="Module">A module name (risks, audits, ...); empty for all.</param>
public sealed record DueWorkFilter(string? Assignee = null, string? Due = null, string? Module = null);

public static class WorkVocabulary
{
    public static readonly IReadOnlyDictionary<string, WorkModule> Modules = new Dictionary<string, WorkModule>(StringComparer.OrdinalIgnoreCase)
    {
        ["ai-systems"] = WorkModule.AiSystems,
        ["risks"] = WorkModule.Risks,
        ["audits"] = WorkModule.Audits,
        ["reviews"] = WorkModule.Reviews,
        ["documents"] = WorkModule.Documents,
        ["evidence"] = WorkModule.Evidence,
        ["objectives"] = WorkModule.Objectives,
        ["suppliers"] = WorkModule.Suppliers,
        ["certification"] = WorkModule.Certification,
        ["recurring"] = WorkModule.Recurring,
    };

    public static string Slug(WorkModule module) => Modules.First(m => m.Value == module).Key;

    public static string Label(this WorkModule module) => module switch
    {
        WorkModule.AiSystems => "AI systems",
        WorkModule.Risks => "Risks",
        WorkModule.Audits => "Audits and nonconformities",
        WorkModule.Reviews => "Management reviews",
        WorkModule.Documents => "Documents",
        WorkModule.Evidence => "Evidence",
        WorkModule.Objectives => "Objectives",
        WorkModule.Suppliers => "Suppliers",
        WorkModule.Certification => "Certification",
        WorkModule.Recurring => "Recurring activities",
        _ => module.ToString(),
    };

    public static string Label(this DueWindow window) => window switch
    {
        DueWindow.Overdue => "Overdue",
        DueWindow.ThisWeek => "This week",
        _ => "Later",
    };
}
