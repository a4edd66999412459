using Harmonia.Domain.Catalogs;

namespace Harmonia.App.Features.Documents;

/// <summary>A statement of a template, by its full id and the document it is in.</summary>
public sealed record CoveringStatement(string TemplateId, string TemplateTitle, string StatementId);

/// <summary>One requirement that asks for documented information, and the statements covering it (none = a gap).</summary>
public sealed record CoverageRow(string RequirementId, string FrameworkId, string Ref, string Title, string Expected, IReadOnlyList<CoveringStatement> Statements)
{
    public bool Covered => Statements.Count > 0;
}

public sealed record CoverageReport(IReadOnlyList<CoverageRow> Rows)
{
    public int Covered => Rows.Count(r => r.Covered);

    public IEnumerable<CoverageRow> Uncovered => Rows.Where(r => !r.Covered);
}

/// <summary>
/// For both standards, every requirement that asks for documented information, with the template statements that
/// cover it. Uncovered requirements are listed, never hidden. Computed from the templates themselves, so it does
/// not depend on any organization's answers.
/// </summary>
public static class DocumentCoverage
{
    public static CoverageReport Compute(DocumentLibrary library, Catalog catalog)
    {
        var byRequirement = library.Templates
            .SelectMany(t => t.Statements.SelectMany(s => s.RequirementIds.Select(r => (Requirement: r, Statement: new CoveringStatement(t.Id, t.Title, s.Id)))))
            .ToLookup(x => x.Requirement, x => x.Statement, StringComparer.Ordinal);
        return new CoverageReport(library.DocumentedInformation
            .Select(d => (Info: d, Requirement: catalog.FindRequirement(d.RequirementId)!))
            .Select(x => new CoverageRow(
                x.Info.RequirementId,
                x.Requirement.FrameworkId,
                x.Requirement.Ref,
                x.Requirement.Title,
                x.Info.Expected,
                byRequirement[x.Info.RequirementId].DistinctBy(s => s.StatementId).ToArray()))
            .ToArray());
    }
}
