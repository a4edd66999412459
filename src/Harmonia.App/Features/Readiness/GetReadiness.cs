using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Certification;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Persistence;
using Harmonia.Domain.Readiness;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Readiness;

/// <summary>
/// Stage 1 and Stage 2 readiness per standard and for an integrated audit, from the stored data: gap reports,
/// published documents for every documented-information requirement, control evidence, completed internal audits,
/// management reviews and open nonconformities.
/// </summary>
public sealed class GetReadinessHandler(
    HarmoniaDbContext db,
    LoadedContent content,
    StoredGapAnalysisHandler gap,
    CurrentControls current,
    PublishedDocuments published,
    OpenMajorNonconformities nonconformities,
    Stage1Records records,
    HeldDocuments held,
    TimeProvider time,
    OrganizationResultCache cache)
{
    /// <summary>The kind under which <see cref="OrganizationResultCache"/> keeps an organization's assessment.</summary>
    internal const string CacheKind = "readiness";

    /// <summary>Kept until the organization changes or the day turns (<see cref="OrganizationResultCache"/>): the dashboard asks on every visit.</summary>
    public Task<ReadinessAssessment> HandleAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        cache.GetOrComputeAsync(db, organizationId, CacheKind, Variant(), () => ComputeAsync(organizationId, cancellationToken), cancellationToken);

    /// <summary>
    /// The same assessment for a pass over every organization (the webhook checks): a kept one is used, a newly computed
    /// one is not kept (<see cref="OrganizationResultCache.UseKeptOrComputeAsync"/>).
    /// </summary>
    public Task<ReadinessAssessment> HandleWithoutKeepingAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        cache.UseKeptOrComputeAsync(db, organizationId, CacheKind, Variant(), () => ComputeAsync(organizationId, cancellationToken), cancellationToken);

    private string Variant() => content.Version + "|" + DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).DayNumber;

    private async Task<ReadinessAssessment> ComputeAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var documents = await published.HandleAsync(cancellationToken);
        var coverage = DocumentCoverage.Compute(content.Documents, content.Catalog);
        var frameworks = new List<FrameworkReadinessInput>();
        foreach (var framework in new[] { "iso27001-2022", "iso42001-2023" })
        {
            var report = await gap.HandleAsync(new StoredGapRequest(organizationId, framework), cancellationToken);
            var elsewhere = await held.ForAsync(framework, cancellationToken);
            var items = coverage.Rows.Where(r => r.FrameworkId == framework).Select(r =>
            {
                var document = documents.FirstOrDefault(d => d.RequirementIds.Contains(r.RequirementId));
                return new DocumentedInformationItem(r.RequirementId, r.Expected, document is null ? null : $"{document.Title} {document.Version}", document is not null, elsewhere.GetValueOrDefault(r.RequirementId));
            }).ToArray();
            frameworks.Add(new FrameworkReadinessInput(report, items) { Records = await records.ForAsync(report, cancellationToken) });
        }

        var controls = await current.LinkedAsync(null, cancellationToken);
        var completed = await db.Audits.AsNoTracking().Where(a => a.Status == AuditStatuses.Completed && a.CompletedOn != null)
            .Select(a => new { a.Id, a.Key, a.Title, a.CompletedOn }).ToListAsync(cancellationToken);
        var ids = completed.Select(a => a.Id).ToArray();
        var covered = (await db.AuditResults.AsNoTracking().Where(r => ids.Contains(r.AuditId)).Select(r => new { r.AuditId, r.RequirementIds }).ToListAsync(cancellationToken))
            .ToLookup(r => r.AuditId, r => r.RequirementIds);
        var audits = completed.Select(a => new CompletedAudit($"{a.Key} {a.Title}", a.CompletedOn!.Value, covered[a.Id].SelectMany(r => r.Split(',')).Distinct(StringComparer.Ordinal).ToArray(), a.Key)).ToArray();
        var reviews = (await db.ManagementReviews.AsNoTracking().Select(m => new { m.HeldOn, m.InputsJson, m.TopManagementAttendeeIds }).ToListAsync(cancellationToken))
            .Select(m => new HeldReview(m.HeldOn, AuditsConsidered(m.InputsJson, completed.Select(a => a.Key)), TopManagementAttended: m.TopManagementAttendeeIds.Length > 0))
            .ToArray();
        return ReadinessModel.Evaluate(new ReadinessInput(
            DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), frameworks, controls, audits, reviews, await nonconformities.OpenAsync(cancellationToken)));
    }

    /// <summary>The audits the review's "Audit results" input names (the review assembles it as "KEY Title, completed ...").</summary>
    private static string[] AuditsConsidered(string inputsJson, IEnumerable<string> auditKeys)
    {
        var facts = Reviews.ReviewJson.Inputs(inputsJson).Where(i => i.Topic == "Audit results").SelectMany(i => i.Facts).ToArray();
        return auditKeys.Where(key => facts.Any(f => f.StartsWith(key + " ", StringComparison.Ordinal))).ToArray();
    }
}
