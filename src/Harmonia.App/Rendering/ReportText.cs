using System.Globalization;
using Harmonia.Domain.Gaps;

namespace Harmonia.App.Rendering;

/// <summary>Wording and number formats every report format shares, so Markdown, HTML and the console say the same thing.</summary>
public static class ReportText
{
    public const string PartialNote = "Partially satisfied requirements count as half in every percentage; not applicable ones are left out.";

    public static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string BasisLabel(ResultBasis basis) => basis switch
    {
        ResultBasis.Entered => "entered",
        ResultBasis.Controls => "controls",
        ResultBasis.Inferred => "inferred",
        ResultBasis.Documented => "documented",
        ResultBasis.Records => "records",
        ResultBasis.Nonconformity => "nonconformity",
        ResultBasis.Excluded => "SoA exclusion",
        ResultBasis.OutOfScope => "AI system scope",
        _ => "no source",
    };

    public static string EffortSentence(GapReport report)
    {
        var effort = report.Effort;
        var text = $"Remaining effort: {Number(effort.RemainingPersonDays)} person-days";
        if (effort.RatioToBaseline is { } ratio && report.Baseline is { } baseline)
        {
            text += $", {Percent(ratio * 100)} of implementing {baseline.Name} from scratch ({Number(effort.BaselinePersonDays!.Value)} person-days)";
        }

        return text + $". Size factor {Number(effort.SizeFactor)} for the organization's headcount.";
    }

    public static string DurationSentence(GapReport report)
    {
        var effort = report.Effort;
        return effort.RemainingPersonDays == 0
            ? "Nothing left to implement."
            : $"Duration: about {Number(effort.TotalMonths)} months — {Number(effort.ImplementationMonths)} months of implementation with a team of {Number(effort.TeamCapacityFte)} FTE, plus {Number(effort.CertificationLeadMonths)} months of certification lead time (assumed: a month of the management system's records after its internal audit and management review, the certification body booked in advance, then Stage 1 and Stage 2).";
    }
}
