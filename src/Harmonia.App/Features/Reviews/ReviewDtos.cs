using System.Text.Json;

namespace Harmonia.App.Features.Reviews;

/// <summary>One input topic of the review (9.3.2 of both standards), with the facts assembled from the data.</summary>
/// <param name="Standards">Which standards ask for it: "both", "iso27001-2022" or "iso42001-2023".</param>
public sealed record ReviewInput(string Topic, string Standards, IReadOnlyList<string> Facts);

/// <summary>An action decided in a review; the number is its position in the review (1-based), stable because actions are only ever added with the review.</summary>
public sealed record ReviewAction(string Description, string Owner, DateOnly Due, DateOnly? DoneOn = null, string? DoneNote = null, string? DoneBy = null);

/// <summary>What a client sends to mark an action done: when, and what was done (optional).</summary>
public sealed record ReviewActionDoneInput(DateOnly? DoneOn, string? Note);

/// <param name="TopManagementAttendees">The ids of the top-management members who attended.</param>
public sealed record ManagementReviewDto(Guid Id, DateOnly HeldOn, IReadOnlyList<string> Attendees, IReadOnlyList<ReviewInput> Inputs, string? Decisions, IReadOnlyList<ReviewAction> Actions, string RecordedBy, IReadOnlyList<Guid> TopManagementAttendees);

/// <summary>What a client sends to record a review: who met when, what they decided and which actions follow.</summary>
/// <param name="TopManagementAttendees">The ids of the organization's top-management members who attended; their names are added to the attendees.</param>
public sealed record ManagementReviewInput(DateOnly? HeldOn, IReadOnlyList<string>? Attendees, string? Decisions, IReadOnlyList<ReviewActionInput>? Actions, IReadOnlyList<Guid>? TopManagementAttendees = null);

public sealed record ReviewActionInput(string? Description, string? Owner, DateOnly? Due);

public static class ReviewJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<ReviewInput> Inputs(string json) => JsonSerializer.Deserialize<ReviewInput[]>(json, Options) ?? [];

    public static IReadOnlyList<ReviewAction> Actions(string json) => JsonSerializer.Deserialize<ReviewAction[]>(json, Options) ?? [];

    internal static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
}
