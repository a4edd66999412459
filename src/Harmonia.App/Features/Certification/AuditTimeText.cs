using System.Text;
using Harmonia.Domain.Certification;

namespace Harmonia.App.Features.Certification;

/// <summary>The estimate as plain text (Markdown-friendly), for the CLI and the audit pack: every input, factor and source.</summary>
public static class AuditTimeText
{
    public static string Write(AuditTimeView view)
    {
        var text = new StringBuilder();
        text.AppendLine("# Audit-time estimate");
        text.AppendLine();
        if (view.Estimate is not { } estimate || view.Inputs is not { } inputs)
        {
            text.AppendLine(view.Missing);
            return text.ToString();
        }

        text.AppendLine(estimate.Caution);
        text.AppendLine();
        text.AppendLine("## Inputs");
        Line(text, "Persons in scope", inputs.PersonsInScope.Value, inputs.PersonsInScope.Source);
        Line(text, "Persons doing the same low-risk work", inputs.IdenticalLowRiskPersons.Value, inputs.IdenticalLowRiskPersons.Source);
        Line(text, "Sites", inputs.Sites.Value, inputs.Sites.Source);
        Line(text, "Business complexity", AuditTimeCalculator.Label(inputs.BusinessComplexity.Value), inputs.BusinessComplexity.Source);
        Line(text, "IT complexity", AuditTimeCalculator.Label(inputs.ItComplexity.Value), inputs.ItComplexity.Source);
        Line(text, "AI-related persons", inputs.AiPersons.Value, inputs.AiPersons.Source);
        Line(text, "AI roles", AuditTimeCalculator.RoleLabel(inputs.AiRole.Value), inputs.AiRole.Source);
        Line(text, "AI systems in scope", inputs.AiSystemsInScope.Value, inputs.AiSystemsInScope.Source);
        Line(text, "High-risk AI systems", inputs.HighRiskAiSystems.Value, inputs.HighRiskAiSystems.Source);
        text.AppendLine();
        foreach (var (name, standard) in new[] { ("ISO/IEC 27001", estimate.Isms), ("ISO/IEC 42001", estimate.Aims) })
        {
            text.AppendLine($"## {name}: {AuditDays.Text(standard.Days.Initial)} days initial");
            text.AppendLine($"Method: {standard.Method}.");
            text.AppendLine($"Base: {AuditDays.Text(standard.BaseDays)} days. {standard.BaseReason}");
            foreach (var factor in standard.Factors)
            {
                text.AppendLine($"- {factor.Name} {AuditDays.Percent(factor.Percent)}: {factor.Reason}");
            }

            if (standard.Limited is not null)
            {
                text.AppendLine(standard.Limited);
            }

            Days(text, standard.Days);
            text.AppendLine();
        }

        text.AppendLine($"## Integrated audit: {AuditDays.Text(estimate.Integrated.Days.Initial)} days initial");
        text.AppendLine(estimate.Integrated.Explanation);
        foreach (var criterion in estimate.Integrated.Criteria)
        {
            text.AppendLine($"- [{(criterion.Met ? "x" : " ")}] {criterion.Title} ({AuditDays.Percent(-criterion.Percent)}): {criterion.Reason}");
        }

        Days(text, estimate.Integrated.Days);
        text.AppendLine();
        text.AppendLine($"## Sources (checked {estimate.Checked:yyyy-MM-dd}; verify with your certification body)");
        foreach (var source in estimate.Sources)
        {
            text.AppendLine($"- {source.Text}{(source.Url is null ? string.Empty : $" <{source.Url}>")}{(source.Verified ? string.Empty : " (unverified)")}");
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string name, object value, string source) => text.AppendLine($"- {name}: {value} ({source})");

    private static void Days(StringBuilder text, CycleDays days) =>
        text.AppendLine($"Initial {AuditDays.Text(days.Initial)} (Stage 1 {AuditDays.Text(days.Stage1)} + Stage 2 {AuditDays.Text(days.Stage2)}), surveillance {AuditDays.Text(days.Surveillance)} per year, recertification {AuditDays.Text(days.Recertification)}; {AuditDays.Text(days.CycleTotal)} days over the three-year cycle.");
}
