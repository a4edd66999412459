namespace Harmonia.App.Features.Work;

/// <param name="Kind">control (Control names its key), review, measurement or internal-audit.</param>
/// <param name="Rule">An RFC 5545 RRULE, e.g. FREQ=MONTHLY;INTERVAL=3.</param>
/// <param name="OwnerAccount">A member's e-mail address: the activity's due work is theirs.</param>
public sealed record RecurringActivityInput(string? Title, string? Kind, string? Control, string? Rule, DateOnly? StartsOn, string? Owner = null, string? OwnerAccount = null);

/// <param name="Status">done, overdue, due (today or later, not done yet).</param>
/// <param name="How">How it was done: the evidence or the person who recorded it.</param>
public sealed record OccurrenceDto(DateOnly On, string Status, string? How);

public sealed record RecurringActivityDto(
    Guid Id,
    string Key,
    string Title,
    string Kind,
    string? Control,
    string Rule,
    DateOnly StartsOn,
    string? Owner,
    string? OwnerAccount,
    IReadOnlyList<OccurrenceDto> Past,
    IReadOnlyList<OccurrenceDto> Next,
    int Version);

/// <summary>An occurrence recorded done by hand (reviews, measurements, audits; or a control whose evidence lives elsewhere).</summary>
public sealed record CompletedOccurrence(DateOnly On, string By, string? Note, DateTime RecordedUtc);

public static class RecurringKinds
{
    public const string Control = "control";

    public static readonly IReadOnlyList<string> All = [Control, "review", "measurement", "internal-audit"];

    public static string Label(string kind) => kind switch
    {
        Control => "Control operation",
        "review" => "Review cycle",
        "measurement" => "Measurement",
        "internal-audit" => "Internal audit",
        _ => kind,
    };
}
