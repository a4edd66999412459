using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Reviews;

/// <summary>A management review meeting: the inputs assembled from the data when it was held, decisions and actions.</summary>
public sealed class ManagementReviewRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public DateOnly HeldOn { get; set; }

    public required string Attendees { get; set; }

    /// <summary>The top-management members who attended (ids, comma-separated); their names are also in <see cref="Attendees"/>.</summary>
    public string TopManagementAttendeeIds { get; set; } = string.Empty;

    /// <summary>JSON of the inputs as they were assembled (both standards).</summary>
    public required string InputsJson { get; set; }

    public string? Decisions { get; set; }

    /// <summary>JSON array of actions (description, owner, due, done).</summary>
    public string ActionsJson { get; set; } = "[]";

    public required string RecordedBy { get; set; }
}
