using Harmonia.App.Persistence;
namespace Harmonia.App.Features.Organizations;

public sealed class Organization
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string? Sector { get; set; }

    public int? Employees { get; set; }

    /// <summary>Locations, one per line.</summary>
    public string Locations { get; set; } = string.Empty;

    /// <summary>Team capacity in hundredths of a full-time equivalent (integers sort and compare on every provider).</summary>
    public int TeamCapacityHundredths { get; set; } = 100;

    public DateTime CreatedUtc { get; set; }

    /// <summary>How many different members must approve a document revision before it can be published (1 to 3).</summary>
    public int RequiredDocumentApprovals { get; set; } = 1;

    /// <summary>
    /// Set by an Owner when members must sign in through the single sign-on provider (ADR 0034): a session begun with a
    /// local passphrase then opens the organization only for an Owner (break-glass), and each such sign-in is recorded.
    /// </summary>
    public bool LocalPasswordsOff { get; set; }
}

/// <summary>A certificate the organization holds (e.g. ISO 27001 since 2023, by which certification body).</summary>
public sealed class CertificationRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string FrameworkId { get; set; }

    public DateOnly? Since { get; set; }

    public string? CertificationBody { get; set; }
}
