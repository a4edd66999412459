using System.Globalization;
using System.IO.Compression;
using Harmonia.App.Common;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Risks;
using Harmonia.App.Features.Soa;
using Harmonia.App.Features.Suppliers;
using Harmonia.App.Persistence;
using Harmonia.App.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Readiness;

/// <summary>
/// The zip a certification body receives: approved SoAs (XLSX and PDF), every published document as PDF, the risk
/// treatment plan, approved impact assessments, internal audit reports, management review minutes, an evidence index,
/// the documents held outside Harmonia that Stage 1 counts, the audit-time estimate and an audit-trail extract, with a manifest of every file's SHA-256 signed with the organization's key.
/// </summary>
public sealed class BuildAuditPackHandler(
    HarmoniaDbContext db,
    TenantScope tenant,
    ExportSoaHandler soa,
    OpenPublishedFileHandler published,
    ExportRiskTreatmentPlanHandler plan,
    ExportImpactAssessmentHandler assessments,
    AuditPackRecords records,
    ExportSupplierRegisterHandler supplierRegister,
    AuditPackSigningKey key,
    Features.AuditTrail.VerifyAuditTrailHandler trail,
    Features.Certification.GetAuditTimeHandler auditTime,
    Features.Certification.HeldDocuments held,
    TimeProvider time)
{
    public Task<GeneratedFile> HandleAsync(CancellationToken cancellationToken = default) => HandleAsync(null, cancellationToken);

    /// <param name="scope">An engagement's scope; null for the organization's own, whole pack.</param>
    public async Task<GeneratedFile> HandleAsync(AuditPackScope? scope, CancellationToken cancellationToken = default)
    {
        var files = new List<(string Path, byte[] Content)>();
        if (scope is not null)
        {
            files.Add(("scope.md", scope.Describe()));
        }

        foreach (var framework in SoaJson.Frameworks.Where(f => scope?.Covers(f) ?? true))
        {
            var approved = await db.SoaVersions.AsNoTracking().Where(v => v.FrameworkId == framework && v.Status == SoaStatuses.Approved).Select(v => (int?)v.Number).MaxAsync(cancellationToken);
            foreach (var format in approved is null ? [] : new[] { "xlsx", "pdf" })
            {
                var file = (await soa.HandleAsync(framework, approved!.Value, format, cancellationToken))!;
                files.Add(("soa/" + file.FileName, file.Content));
            }
        }

        var revisions = await db.DocumentRevisions.AsNoTracking().Where(r => r.Status == DocumentStatuses.Published)
            .Join(db.Documents, r => r.DocumentId, d => d.Id, (r, d) => new { r.DocumentId, r.Number, d.TemplateId, r.Label }).ToListAsync(cancellationToken);
        foreach (var revision in revisions.OrderBy(r => r.TemplateId, StringComparer.Ordinal))
        {
            if (await published.HandleAsync(revision.DocumentId, revision.Number, DocumentFileFormat.Pdf, cancellationToken) is { } pdf)
            {
                await using var stream = pdf.Content;
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken);
                files.Add(($"documents/{revision.TemplateId}-{revision.Label}.pdf", buffer.ToArray()));
            }
        }

        foreach (var format in new[] { "pdf", "xlsx" })
        {
            var file = await plan.HandleAsync(format, cancellationToken);
            files.Add(("risks/" + file.FileName, file.Content));
        }

        var withAssessments = scope?.Covers("iso42001-2023") ?? true;
        var approvedAssessments = await db.ImpactAssessments.AsNoTracking().Where(a => withAssessments && a.Status == ImpactAssessmentStatuses.Approved).Select(a => new { a.AiSystemId, a.Number }).ToListAsync(cancellationToken);
        foreach (var a in approvedAssessments)
        {
            var file = (await assessments.HandleAsync(a.AiSystemId, a.Number, "pdf", cancellationToken))!;
            files.Add(("impact-assessments/" + file.FileName, file.Content));
        }

        files.AddRange(await records.AuditReportsAsync(scope, cancellationToken));
        files.AddRange(await records.ReviewMinutesAsync(scope, cancellationToken));
        files.Add(("evidence-index.csv", CsvTableWriter.Write(await records.EvidenceIndexAsync(scope, cancellationToken))));
        files.Add(("records/objectives.csv", CsvTableWriter.Write(await records.ObjectivesAsync(cancellationToken))));
        files.Add(("records/suppliers.csv", CsvTableWriter.Write(await supplierRegister.HandleAsync(cancellationToken))));
        files.Add(("records/competence.csv", CsvTableWriter.Write(await records.CompetenceAsync(cancellationToken))));
        files.Add(("records/documents-held-elsewhere.csv", CsvTableWriter.Write(await held.SheetAsync(f => scope?.Covers(f) ?? true, cancellationToken))));
        files.Add(("audit-trail.csv", CsvTableWriter.Write(await records.AuditTrailAsync(scope, cancellationToken))));

        // The body plans audit days itself; the estimate with its inputs and sources lets it see what the organization expects.
        files.Add(("certification/audit-time.md", System.Text.Encoding.UTF8.GetBytes(Features.Certification.AuditTimeText.Write(await auditTime.HandleAsync(tenant.OrganizationId!.Value, cancellationToken)))));

        // The chain's head, signed with the pack: kept by the organization, it later shows whether events were removed.
        var verified = await trail.HandleAsync(new Features.AuditTrail.VerifyAuditTrailRequest(tenant.OrganizationId!.Value), cancellationToken);
        files.Add(("audit-trail-head.txt", System.Text.Encoding.UTF8.GetBytes(verified.Intact
            ? $"Audit trail verified intact at {time.GetUtcNow().UtcDateTime:yyyy-MM-dd HH:mm} UTC: {verified.Events} events.\nHead (keep it; check later with 'harmonia audit-trail verify --anchor'): {verified.Head}\n"
            : $"Audit trail NOT intact at {time.GetUtcNow().UtcDateTime:yyyy-MM-dd HH:mm} UTC: {verified.FirstBroken}\n")));

        var organization = await db.OrganizationNameAsync(tenant.OrganizationId, cancellationToken);
        var (publicKey, fingerprint) = await key.PublicAsync(cancellationToken);
        var manifest = new PackManifest(organization, time.GetUtcNow().UtcDateTime, Convert.ToBase64String(publicKey), fingerprint,
            files.Select(f => new PackEntry(f.Path, PackManifest.Sha256(f.Content), f.Content.Length)).ToArray());
        var manifestBytes = manifest.ToBytes();
        files.Add((PackManifest.ManifestPath, manifestBytes));
        files.Add((PackManifest.SignaturePath, await key.SignAsync(manifestBytes, cancellationToken)));

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                var entry = archive.CreateEntry(path, CompressionLevel.Optimal);
                await using var stream = entry.Open();
                await stream.WriteAsync(content, cancellationToken);
            }
        }

        var stamp = manifest.CreatedUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new GeneratedFile($"audit-pack-{stamp}.zip", "application/zip", zip.ToArray());
    }
}
