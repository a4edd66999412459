using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Competence;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Objectives;
using Harmonia.App.Features.Reviews;
using Harmonia.App.Persistence;
using Harmonia.App.Rendering;
using Harmonia.Domain.Objectives;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Readiness;

/// <summary>The records of the pack that are written for it: audit reports, review minutes, the evidence index, objectives, competence, the trail extract.</summary>
public sealed class AuditPackRecords(
    HarmoniaDbContext db,
    TenantScope tenant,
    GetAuditHandler audits,
    ExportAuditReportHandler reports,
    ListManagementReviewsHandler reviews,
    ExportReviewMinutesHandler minutes,
    ListObjectivesHandler objectives,
    GetCompetenceOverviewHandler competence,
    TimeProvider time)
{
    public async Task<IReadOnlyList<(string Path, byte[] Content)>> AuditReportsAsync(AuditPackScope? scope, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAsync(cancellationToken);
        var completed = db.Audits.AsNoTracking().Where(a => a.Status == AuditStatuses.Completed);
        if (scope is not null)
        {
            completed = completed.Where(a => a.CompletedOn >= scope.PeriodFrom && a.CompletedOn <= scope.PeriodTo);
        }

        var ids = await completed.OrderBy(a => a.Key).Select(a => a.Id).ToListAsync(cancellationToken);
        var files = new List<(string, byte[])>();
        foreach (var id in ids)
        {
            var detail = (await audits.HandleAsync(id, cancellationToken))!;
            var model = reports.Model(detail, organization);
            files.Add(($"audits/{detail.Audit.Key}-report.pdf", DocumentFiles.Write(model, DocumentFileFormat.Pdf, model.Info.Id, cancellationToken).Content));
        }

        return files;
    }

    public async Task<IReadOnlyList<(string Path, byte[] Content)>> ReviewMinutesAsync(AuditPackScope? scope, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAsync(cancellationToken);
        var files = new List<(string, byte[])>();
        foreach (var review in (await reviews.HandleAsync(cancellationToken)).Where(r => scope?.InPeriod(r.HeldOn) ?? true))
        {
            var model = minutes.Model(review, organization);
            files.Add(($"reviews/{model.Info.Id}.pdf", DocumentFiles.Write(model, DocumentFileFormat.Pdf, model.Info.Id, cancellationToken).Content));
        }

        return files;
    }

    /// <summary>
    /// The current version of every piece of evidence; for an engagement, every version valid at some time in its
    /// period (an auditor tests what operated then, not only what is current), of the controls in its scope.
    /// </summary>
    public async Task<TabularSheet> EvidenceIndexAsync(AuditPackScope? scope, CancellationToken cancellationToken)
    {
        var versions = scope is null
            ? db.Evidence.AsNoTracking().Join(db.EvidenceVersions, e => new { EvidenceId = e.Id, Number = e.CurrentVersion }, v => new { v.EvidenceId, v.Number }, (e, v) => new { e.ControlId, e.Title, Version = v })
            : db.Evidence.AsNoTracking().Join(db.EvidenceVersions, e => e.Id, v => v.EvidenceId, (e, v) => new { e.ControlId, e.Title, Version = v })
                .Where(x => (x.Version.EffectiveOn == null || x.Version.EffectiveOn <= scope.PeriodTo) && (x.Version.ExpiresOn == null || x.Version.ExpiresOn >= scope.PeriodFrom));
        var rows = await versions
            .Join(db.Controls, x => x.ControlId, c => c.Id, (x, c) => new { c.Id, c.Key, x.Title, x.Version.Number, x.Version.Kind, x.Version.FileName, x.Version.Url, x.Version.Sha256, x.Version.EffectiveOn, x.Version.ExpiresOn })
            .OrderBy(x => x.Key).ThenBy(x => x.Title).ThenBy(x => x.Number).ToListAsync(cancellationToken);
        if (scope is not null)
        {
            var links = await db.ControlRequirements.AsNoTracking().Select(l => new { l.ControlId, l.RequirementId }).ToListAsync(cancellationToken);
            var inScope = links.Where(l => scope.CoversRequirement(l.RequirementId)).Select(l => l.ControlId).ToHashSet();
            rows = rows.Where(r => inScope.Contains(r.Id)).ToList();
        }

        return new TabularSheet("Evidence index",
            [new("Control"), new("Evidence"), new("Version"), new("Kind"), new("File or link"), new("SHA-256"), new("Effective"), new("Expires")],
            rows.Select(r => (IReadOnlyList<TabularCell>)[r.Key, r.Title, TabularCell.Number(r.Number), r.Kind, r.FileName ?? r.Url, r.Sha256, TabularCell.Date(r.EffectiveOn), TabularCell.Date(r.ExpiresOn)]).ToArray());
    }

    /// <summary>Every current objective with each of its measurements (6.2, 9.1): what an auditor samples for monitoring results.</summary>
    public async Task<TabularSheet> ObjectivesAsync(CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<TabularCell>>();
        foreach (var o in await objectives.ActiveAsync(cancellationToken))
        {
            IReadOnlyList<TabularCell> Row(MeasurementDto? m) =>
                [o.Key, o.Title, o.System.ToLabel(), o.Direction.ToLabel(), TabularCell.Number(o.Target), o.Unit, o.Owner, o.Standing.Status.ToLabel(), TabularCell.Date(m?.MeasuredOn), TabularCell.Number(m?.Value), m?.Note];
            rows.AddRange(o.Measurements.Count == 0 ? [Row(null)] : o.Measurements.Select(Row));
        }

        return new TabularSheet("Objectives",
            [new("Objective"), new("Title"), new("System"), new("Direction"), new("Target"), new("Unit"), new("Owner"), new("Status"), new("Measured on"), new("Value"), new("Note")],
            rows);
    }

    /// <summary>Each person and each competence their roles require, with the evidence that covers it (7.2).</summary>
    public async Task<TabularSheet> CompetenceAsync(CancellationToken cancellationToken)
    {
        var overview = await competence.HandleAsync(cancellationToken);
        return new TabularSheet("Competence",
            [new("Person"), new("Competence"), new("Required by"), new("State"), new("Evidence")],
            overview.Gaps.Cells.Select(c => (IReadOnlyList<TabularCell>)[c.Person, overview.NameOf(c.CompetenceKey), string.Join(", ", c.RequiredBy), c.State.ToString(), c.Evidence]).ToArray());
    }

    /// <summary>
    /// The last twelve months of the trail (for an engagement: its period) with each event's hash, so the extract can
    /// be checked against the live chain.
    /// </summary>
    public async Task<TabularSheet> AuditTrailAsync(AuditPackScope? scope, CancellationToken cancellationToken)
    {
        var since = scope?.PeriodStartUtc ?? time.GetUtcNow().UtcDateTime.AddYears(-1);
        var window = db.AuditEvents.AsNoTracking().Where(e => e.OccurredUtc >= since);
        if (scope is not null)
        {
            window = window.Where(e => e.OccurredUtc < scope.PeriodEndUtc);
        }

        var events = await window.OrderBy(e => e.Sequence).Take(100_000)
            .Select(e => new { e.Sequence, e.OccurredUtc, e.Actor, e.EntityType, e.EntityId, e.Action, e.Hash }).ToListAsync(cancellationToken);
        return new TabularSheet("Audit trail",
            [new("Sequence"), new("When (UTC)"), new("Actor"), new("Record"), new("Record id"), new("Action"), new("Hash")],
            events.Select(e => (IReadOnlyList<TabularCell>)[TabularCell.Number(e.Sequence), e.OccurredUtc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), e.Actor, Features.AuditTrail.AuditEventText.Entity(e.EntityType), e.EntityId, e.Action, e.Hash]).ToArray());
    }

    private Task<string> OrganizationAsync(CancellationToken cancellationToken) =>
        db.OrganizationNameAsync(tenant.OrganizationId, cancellationToken);
}
