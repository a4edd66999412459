using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Soa;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Soa;

/// <summary>Approves a draft version; the approved one it replaces is superseded. Approved versions never change.</summary>
public sealed class ApproveSoaVersionHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such version.</summary>
    public async Task<SoaVersionDto> HandleAsync(string frameworkId, int number, CancellationToken cancellationToken = default)
    {
        SoaJson.RequireFramework(frameworkId);
        var version = await db.SoaVersions.SingleOrDefaultAsync(v => v.FrameworkId == frameworkId && v.Number == number, cancellationToken);
        if (version is null)
        {
            throw new NotFoundException("SoA version");
        }

        if (version.Status != SoaStatuses.Draft)
        {
            throw new InvalidInputException($"Version {number} is already {version.Status}.");
        }

        // A saved version never changes, so the one who saved it is its only author.
        if (actor.Is(version.CreatedBy))
        {
            throw new InvalidInputException($"You saved version {number}; another member with the right to approve must approve it.");
        }

        if (await db.SoaVersions.AnyAsync(v => v.FrameworkId == frameworkId && v.Number > number, cancellationToken))
        {
            throw new InvalidInputException($"Version {number} is not the latest: approve the latest version instead.");
        }

        if (ApplicabilityModel.Undecided(SoaJson.Rows(version.RowsJson)) is { Count: > 0 } open)
        {
            // The controls are marked on the page and listed in the version's needsDecision; the refusal sums them up.
            throw new InvalidInputException(ApprovalBlocked(number, open.Count) + " Still open: " + string.Join(" ", open.Take(5)) + (open.Count > 5 ? " ..." : string.Empty));
        }

        foreach (var older in await db.SoaVersions.Where(v => v.FrameworkId == frameworkId && v.Status == SoaStatuses.Approved).ToListAsync(cancellationToken))
        {
            older.Status = SoaStatuses.Superseded;
        }

        (version.Status, version.ApprovedBy, version.ApprovedUtc) = (SoaStatuses.Approved, actor.Name, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return SoaVersionDto.From(version);
    }

    /// <summary>Why a version cannot be approved yet; the page shows it beside a disabled Approve button.</summary>
    public static string ApprovalBlocked(int number, int open) =>
        $"Version {number} cannot be approved: {open} {(open == 1 ? "control still needs" : "controls still need")} a decision. Decide {(open == 1 ? "it" : "them")} and save a new version.";
}
