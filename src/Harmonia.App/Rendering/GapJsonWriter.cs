using System.Text.Json;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Mapping;

namespace Harmonia.App.Rendering;

/// <summary>The gap report as JSON for integrations; stable property order, numbers rounded, no timestamps.</summary>
public static class GapJsonWriter
{
    public static string Write(GapReport report) => JsonSerializer.Serialize(
        new
        {
            organization = report.OrganizationName,
            target = new { id = report.Target.Id, name = report.Target.Name },
            headline = new
            {
                clauses = FigureOf(report.Headline.Clauses),
                annexA = FigureOf(report.Headline.Controls),
                overall = FigureOf(report.Headline.Overall),
                note = ReportText.PartialNote,
            },
            baseline = report.Baseline is null ? null : new
            {
                id = report.Baseline.Id,
                name = report.Baseline.Name,
                overall = FigureOf(report.BaselineHeadline!.Overall),
            },
            effort = new
            {
                remainingPersonDays = report.Effort.RemainingPersonDays,
                baselinePersonDays = report.Effort.BaselinePersonDays,
                ratioToBaseline = report.Effort.RatioToBaseline is { } r ? Math.Round(r, 3) : (double?)null,
                sizeFactor = report.Effort.SizeFactor,
                teamCapacityFte = report.Effort.TeamCapacityFte,
                implementationMonths = report.Effort.ImplementationMonths,
                certificationLeadMonths = report.Effort.CertificationLeadMonths,
                totalMonths = Math.Round(report.Effort.TotalMonths, 1),
            },
            recommendation = report.Recommendation,
            groups = report.Groups.Select(g => new { id = g.Group.Id, title = g.Group.Title, figure = FigureOf(g.Figure) }),
            uncoveredOpenWork = report.UncoveredOpenWork.Select(r => r.Requirement.Id),
            requirements = report.Rows.Select(RowOf),
        },
        ReportJson.Options);

    private static object FigureOf(Figure f) => new
    {
        total = f.Total,
        satisfied = f.Satisfied,
        partiallySatisfied = f.Partial,
        open = f.Open,
        notApplicable = f.NotApplicable,
        percent = Math.Round(f.Percent, 1),
    };

    private static object RowOf(GapRow row) => new
    {
        id = row.Requirement.Id,
        @ref = row.Requirement.Ref,
        title = row.Requirement.Title,
        kind = row.Requirement.Kind.ToString().ToLowerInvariant(),
        group = row.TopGroup.Id,
        result = row.Result.ToToken(),
        basis = ReportText.BasisLabel(row.Basis),
        reason = row.Reason,
        controls = row.Own?.Controls.Select(c => new { id = c.Id, name = c.Name, status = c.Status.ToString() }),
        provenance = row.Sources.Select(PathOf),
        noEquivalent = row.NoEquivalents.Select(n => new { from = n.SourceFrameworkId, reason = n.Reason }),
        remainingEffortDays = Math.Round(row.RemainingEffortDays, 2),
    };

    private static object PathOf(InferencePath path) => new
    {
        result = path.Result.ToToken(),
        strength = path.Strength,
        origin = new { requirement = path.Origin.RequirementId, result = path.Origin.Result.ToToken(), basis = ReportText.BasisLabel(path.Origin.Basis) },
        hops = path.Hops.Select(h => new
        {
            from = h.FromId,
            to = h.ToId,
            relationship = h.Relationship.ToToken(),
            strength = h.Strength,
            reversed = h.Reversed,
            rationale = h.Rationale,
        }),
    };
}
