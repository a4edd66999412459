using System.Text.Json;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Mapping;

namespace Harmonia.App.Rendering;

/// <summary>
/// The gap report as JSON for integrations; stable property order, numbers rounded, no timestamps. The shape is the
/// records below, so the API's OpenAPI document describes exactly what is written.
/// </summary>
public static class GapJsonWriter
{
    public static string Write(GapReport report) => JsonSerializer.Serialize(Document(report), ReportJson.Options);

    public static GapReportJson Document(GapReport report) => new(
        report.OrganizationName,
        new GapTargetJson(report.Target.Id, report.Target.Name),
        new GapHeadlineJson(FigureOf(report.Headline.Clauses), FigureOf(report.Headline.Controls), FigureOf(report.Headline.Overall), ReportText.PartialNote),
        report.Baseline is null ? null : new GapBaselineJson(report.Baseline.Id, report.Baseline.Name, FigureOf(report.BaselineHeadline!.Overall)),
        new GapEffortJson(
            report.Effort.RemainingPersonDays,
            report.Effort.BaselinePersonDays,
            report.Effort.RatioToBaseline is { } r ? Math.Round(r, 3) : null,
            report.Effort.SizeFactor,
            report.Effort.TeamCapacityFte,
            report.Effort.ImplementationMonths,
            report.Effort.CertificationLeadMonths,
            Math.Round(report.Effort.TotalMonths, 1)),
        report.Recommendation,
        [.. report.Groups.Select(g => new GapGroupJson(g.Group.Id, g.Group.Title, FigureOf(g.Figure)))],
        [.. report.UncoveredOpenWork.Select(r => r.Requirement.Id)],
        [.. report.Rows.Select(RowOf)]);

    private static GapFigureJson FigureOf(Figure f) => new(f.Total, f.Satisfied, f.Partial, f.Open, f.NotApplicable, Math.Round(f.Percent, 1));

    private static GapRequirementJson RowOf(GapRow row) => new(
        row.Requirement.Id,
        row.Requirement.Ref,
        row.Requirement.Title,
        row.Requirement.Kind.ToString().ToLowerInvariant(),
        row.TopGroup.Id,
        row.Result.ToToken(),
        ReportText.BasisLabel(row.Basis),
        row.Reason,
        row.Own is null ? null : [.. row.Own.Controls.Select(c => new GapControlJson(c.Id, c.Name, c.Status.ToString()))],
        [.. row.Sources.Select(PathOf)],
        [.. row.NoEquivalents.Select(n => new GapNoEquivalentJson(n.SourceFrameworkId, n.Reason))],
        Math.Round(row.RemainingEffortDays, 2));

    private static GapPathJson PathOf(InferencePath path) => new(
        path.Result.ToToken(),
        path.Strength,
        new GapOriginJson(path.Origin.RequirementId, path.Origin.Result.ToToken(), ReportText.BasisLabel(path.Origin.Basis)),
        [.. path.Hops.Select(h => new GapHopJson(h.FromId, h.ToId, h.Relationship.ToToken(), h.Strength, h.Reversed, h.Rationale))]);
}

/// <summary>The gap report as <see cref="GapJsonWriter"/> writes it (camelCase).</summary>
public sealed record GapReportJson(
    string Organization,
    GapTargetJson Target,
    GapHeadlineJson Headline,
    GapBaselineJson? Baseline,
    GapEffortJson Effort,
    string Recommendation,
    IReadOnlyList<GapGroupJson> Groups,
    IReadOnlyList<string> UncoveredOpenWork,
    IReadOnlyList<GapRequirementJson> Requirements);

public sealed record GapTargetJson(string Id, string Name);

public sealed record GapHeadlineJson(GapFigureJson Clauses, GapFigureJson AnnexA, GapFigureJson Overall, string Note);

public sealed record GapBaselineJson(string Id, string Name, GapFigureJson Overall);

public sealed record GapFigureJson(int Total, int Satisfied, int PartiallySatisfied, int Open, int NotApplicable, double Percent);

public sealed record GapEffortJson(
    double RemainingPersonDays,
    double? BaselinePersonDays,
    double? RatioToBaseline,
    double SizeFactor,
    double TeamCapacityFte,
    double ImplementationMonths,
    double CertificationLeadMonths,
    double TotalMonths);

public sealed record GapGroupJson(string Id, string Title, GapFigureJson Figure);

/// <summary>One requirement's row; <see cref="Controls"/> is null when the organization gave it no own result.</summary>
public sealed record GapRequirementJson(
    string Id,
    string Ref,
    string Title,
    string Kind,
    string Group,
    string Result,
    string Basis,
    string Reason,
    IReadOnlyList<GapControlJson>? Controls,
    IReadOnlyList<GapPathJson> Provenance,
    IReadOnlyList<GapNoEquivalentJson> NoEquivalent,
    double RemainingEffortDays);

public sealed record GapControlJson(string Id, string Name, string Status);

public sealed record GapPathJson(string Result, int Strength, GapOriginJson Origin, IReadOnlyList<GapHopJson> Hops);

public sealed record GapOriginJson(string Requirement, string Result, string Basis);

public sealed record GapHopJson(string From, string To, string Relationship, int Strength, bool Reversed, string Rationale);

public sealed record GapNoEquivalentJson(string From, string Reason);
