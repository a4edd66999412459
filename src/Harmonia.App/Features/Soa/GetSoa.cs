using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Soa;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Soa;

public sealed record SoaVersionSummary(int Number, string Status, string? Note, string CreatedBy, DateTime CreatedUtc, string? ApprovedBy, DateTime? ApprovedUtc);

/// <summary>What the SoA page and API show: the latest version (or the proposal when none is saved) and every version.</summary>
public sealed record SoaOverview(string FrameworkId, SoaVersionDto? Latest, IReadOnlyList<SoaVersionSummary> Versions, IReadOnlyList<SoaRow> Proposal, IReadOnlyList<SoaChange> ProposalChanges);

public sealed class GetSoaHandler(HarmoniaDbContext db, ProposeSoaHandler propose)
{
    public async Task<SoaOverview> OverviewAsync(Guid organizationId, string frameworkId, CancellationToken cancellationToken = default)
    {
        SoaJson.RequireFramework(frameworkId);
        var versions = await db.SoaVersions.AsNoTracking().Where(v => v.FrameworkId == frameworkId).OrderByDescending(v => v.Number)
            .Select(v => new SoaVersionSummary(v.Number, v.Status, v.Note, v.CreatedBy, v.CreatedUtc, v.ApprovedBy, v.ApprovedUtc))
            .ToListAsync(cancellationToken);
        var latest = versions.Count == 0 ? null : await VersionAsync(frameworkId, versions[0].Number, cancellationToken);
        var proposal = await propose.HandleAsync(organizationId, frameworkId, cancellationToken);

        // What changed in the data since the latest version was saved: the reason to save a new one.
        var changes = latest is null ? [] : SoaDiff.Between(latest.Rows, ApplicabilityModel.Apply(proposal, latest.Rows.Select(SoaDecision.Of).ToArray()));
        return new SoaOverview(frameworkId, latest, versions, proposal, changes);
    }

    /// <summary>Throws NotFoundException when the organization has no such version.</summary>
    public async Task<SoaVersionDto> VersionAsync(string frameworkId, int number, CancellationToken cancellationToken = default)
    {
        SoaJson.RequireFramework(frameworkId);
        var version = await db.SoaVersions.AsNoTracking().SingleOrDefaultAsync(v => v.FrameworkId == frameworkId && v.Number == number, cancellationToken);
        return version is null ? throw new NotFoundException("SoA version") : SoaVersionDto.From(version);
    }
}
