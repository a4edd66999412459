using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Soa;

/// <summary>One saved version of a Statement of Applicability; approved versions are never changed again.</summary>
public sealed class SoaVersionRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string FrameworkId { get; set; }

    public int Number { get; set; }

    /// <summary>draft, approved or superseded.</summary>
    public required string Status { get; set; }

    /// <summary>JSON array of SoaRow: the whole statement as it was saved, data columns included.</summary>
    public required string RowsJson { get; set; }

    public string? Note { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTime? ApprovedUtc { get; set; }
}
