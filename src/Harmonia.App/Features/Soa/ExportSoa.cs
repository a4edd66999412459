using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.App.Rendering;
using Harmonia.Domain.Documents;
using Harmonia.Domain.Soa;

namespace Harmonia.App.Features.Soa;

/// <summary>
/// A saved SoA version as a file: XLSX (one row per control, filters, frozen header) or CSV for the auditor's
/// spreadsheet, DOCX, PDF, Markdown or HTML through the document writers.
/// </summary>
public sealed class ExportSoaHandler(HarmoniaDbContext db, TenantScope tenant, GetSoaHandler get, LoadedContent content)
{
    /// <summary>Throws NotFoundException when the organization has no such version.</summary>
    public async Task<GeneratedFile> HandleAsync(string frameworkId, int number, string format, CancellationToken cancellationToken = default)
    {
        var version = await get.VersionAsync(frameworkId, number, cancellationToken);
        if (version is null)
        {
            throw new NotFoundException("SoA version");
        }

        var organization = await db.OrganizationNameAsync(tenant.OrganizationId, cancellationToken);
        var baseName = $"soa-{frameworkId}-v{number}";
        return format.ToLowerInvariant() switch
        {
            "xlsx" => new GeneratedFile(baseName + ".xlsx", DocumentFiles.XlsxType, XlsxTableWriter.Write([Sheet(version)], Title(version))),
            "csv" => new GeneratedFile(baseName + ".csv", "text/csv", CsvTableWriter.Write(Sheet(version))),
            _ => DocumentFiles.Write(Model(version, organization), DocumentFiles.Parse(format), baseName, cancellationToken),
        };
    }

    private string Title(SoaVersionDto version) => $"Statement of Applicability — {content.Catalog.FindFramework(version.FrameworkId)!.Name}";

    private static TabularSheet Sheet(SoaVersionDto version) => new(
        "Statement of Applicability",
        [
            new("Control", 10), new("Title", 40), new("Applicable", 11), new("Reasons", 28), new("Justification", 60),
            new("Implementation", 15), new("Risks", 20), new("Impact assessments", 30), new("Implemented by", 40), new("Evidence", 50),
        ],
        version.Rows.Select(r => (IReadOnlyList<TabularCell>)
        [
            r.Ref, r.Title, r.Applicability, string.Join(", ", r.Reasons.Select(SoaReasonText.Label)), r.Justification,
            SoaReasonText.Label(r.Implementation), string.Join(", ", r.Risks), string.Join(", ", r.Assessments), string.Join(", ", r.Controls.Concat(r.Documents ?? [])), string.Join("; ", r.Evidence),
        ]).ToArray());

    private DocumentModel Model(SoaVersionDto version, string organization)
    {
        var framework = content.Catalog.FindFramework(version.FrameworkId)!;
        var id = "soa-" + (version.FrameworkId == "iso27001-2022" ? "27001" : "42001");
        var clause = version.FrameworkId + ":6.1.3";
        var f = version.Figures;
        var blocks = new List<DocumentBlock>
        {
            new DocumentHeading(1, "Purpose"),
            DocumentFiles.Line(id, "purpose", $"This statement lists every control of {framework.Name} Annex A, says whether {organization} applies it and why, and how far it is implemented.", clause),
            DocumentFiles.Line(id, "figures", $"Of {f.Controls} controls, {f.Included} are included, {f.Excluded} excluded and {f.Undecided} not decided yet; {f.Implemented} of the included controls are implemented.", clause),
            DocumentFiles.Line(id, "reasons", "Reasons for inclusion: risk treatment (a risk of the register is treated with the control), impact assessment (an approved AI system impact assessment relies on it), legal or regulatory, contractual, and business need.", clause),
            new DocumentHeading(1, "Controls"),
            DocumentFiles.Table(id, "controls", "Applicability of every Annex A control.", new DocumentTable(
                ["Control", "Title", "Applicable", "Reasons or justification", "Implementation", "Implemented by"],
                version.Rows.Select(r => (IReadOnlyList<string>)
                [
                    r.Ref, r.Title, r.Applicability,
                    r.Included ? string.Join(", ", r.Reasons.Select(SoaReasonText.Label)) + (r.Justification.Length > 0 ? ": " + r.Justification : string.Empty) : r.Justification,
                    SoaReasonText.Label(r.Implementation), r.Controls.Count + (r.Documents?.Count ?? 0) == 0 ? "—" : string.Join(", ", r.Controls.Concat(r.Documents ?? [])),
                ]).ToArray()), clause),
        };
        var info = new DocumentInfo(
            id, Title(version), "Statement of Applicability", "Internal", "ISMS/AIMS manager", version.ApprovedBy ?? "not yet approved",
            "v" + version.Number, version.Status, null, [version.FrameworkId], organization);
        return new DocumentModel(info, blocks, DocumentFiles.Addressed(blocks, r => content.Catalog.FindRequirement(r)?.Title ?? r),
            [new Revision("v" + version.Number, DateOnly.FromDateTime(version.CreatedUtc), version.CreatedBy, version.Note ?? "Saved from the applicability model.")]);
    }
}
