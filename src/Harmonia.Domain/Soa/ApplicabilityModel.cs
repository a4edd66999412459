using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Gaps;

namespace Harmonia.Domain.Soa;

/// <summary>A register risk as the SoA sees it: its key and the organization's controls that treat it.</summary>
public sealed record SoaRisk(string Key, string Treatment, IReadOnlyList<string> ControlKeys);

/// <summary>An approved impact assessment's mitigations: which of the organization's controls it relies on.</summary>
public sealed record SoaAssessment(string Label, IReadOnlyList<string> ControlKeys);

/// <summary>
/// One applicability model for both Statements of Applicability: which Annex A controls the organization's data calls
/// for, and why. Reasons are proposed from the data (risk treatment, impact assessment mitigations, controls that
/// implement it); legal and contractual reasons, and every exclusion, are a person's decision.
/// </summary>
public static class ApplicabilityModel
{
    public static IReadOnlyList<SoaRow> Propose(
        Framework framework,
        IReadOnlyList<OrganizationControl> controls,
        IReadOnlyList<SoaRisk> risks,
        IReadOnlyList<SoaAssessment> assessments,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? suppliers = null)
    {
        var controlsByRequirement = controls
            .SelectMany(c => c.Satisfies.Select(r => (Requirement: r, Control: c)))
            .ToLookup(x => x.Requirement, x => x.Control, StringComparer.Ordinal);
        var risksByControl = risks.Where(r => r.Treatment == "mitigate" || r.ControlKeys.Count > 0)
            .SelectMany(r => r.ControlKeys.Select(k => (Control: k, Risk: r.Key)))
            .ToLookup(x => x.Control, x => x.Risk, StringComparer.Ordinal);
        var assessmentsByControl = assessments
            .SelectMany(a => a.ControlKeys.Select(k => (Control: k, Assessment: a.Label)))
            .ToLookup(x => x.Control, x => x.Assessment, StringComparer.Ordinal);

        var rows = new List<SoaRow>();
        foreach (var requirement in framework.Requirements.Where(r => r.Kind == RequirementKind.Control))
        {
            var implementing = controlsByRequirement[requirement.Id].ToArray();
            var relevant = implementing.Where(c => c.Status != ControlStatus.NotApplicable).ToArray();
            var riskKeys = relevant.SelectMany(c => risksByControl[c.Id]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var assessmentLabels = relevant.SelectMany(c => assessmentsByControl[c.Id]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var reasons = new List<SoaReason>();
            if (riskKeys.Length > 0)
            {
                reasons.Add(SoaReason.RiskTreatment);
            }

            if (assessmentLabels.Length > 0)
            {
                reasons.Add(SoaReason.ImpactAssessment);
            }

            // Active suppliers in the register are a business need for the supplier controls, even before a control implements them.
            var calledBySuppliers = suppliers?.GetValueOrDefault(requirement.Id) ?? [];
            if ((relevant.Length > 0 || calledBySuppliers.Count > 0) && reasons.Count == 0)
            {
                reasons.Add(SoaReason.BusinessNeed);
            }

            var included = reasons.Count > 0;
            var justification = included
                ? ProposedInclusion(riskKeys, assessmentLabels, relevant, calledBySuppliers)
                : implementing.Length > 0
                    ? "Proposed for exclusion: every control that implements it is marked not applicable (" + string.Join(", ", implementing.Select(c => c.Name)) + ")."
                    : string.Empty;
            rows.Add(new SoaRow(
                requirement.Id,
                requirement.Ref,
                requirement.Title,
                included,
                reasons,
                justification,
                ImplementationOf(relevant),
                riskKeys,
                assessmentLabels,
                relevant.Select(c => c.Name).ToArray(),
                EvidenceOf(relevant)));
        }

        return rows;
    }

    /// <summary>The proposal with a person's decisions applied; the data columns always come from the proposal.</summary>
    public static IReadOnlyList<SoaRow> Apply(IReadOnlyList<SoaRow> proposal, IReadOnlyList<SoaDecision> decisions)
    {
        var byId = decisions.ToDictionary(d => d.RequirementId, StringComparer.Ordinal);
        return proposal.Select(row => byId.TryGetValue(row.RequirementId, out var d)
            ? row with
            {
                Included = d.Included,
                Reasons = d.Included ? d.Reasons.Distinct().Order().ToArray() : [],
                Justification = string.IsNullOrWhiteSpace(d.Justification) ? (d.Included == row.Included ? row.Justification : string.Empty) : d.Justification.Trim(),
            }
            : row).ToArray();
    }

    /// <summary>What keeps a statement from being saved: unknown controls, an inclusion without a reason, an exclusion without a justification.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<SoaRow> proposal, IReadOnlyList<SoaRow> rows, IReadOnlyList<SoaDecision> decisions)
    {
        var known = proposal.Select(r => r.RequirementId).ToHashSet(StringComparer.Ordinal);
        var problems = decisions.Where(d => !known.Contains(d.RequirementId)).Select(d => $"{d.RequirementId} is not a control of this Annex A.").ToList();
        problems.AddRange(decisions.GroupBy(d => d.RequirementId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} is decided twice."));
        foreach (var row in rows)
        {
            if (row.Included && row.Reasons.Count == 0)
            {
                problems.Add($"{row.Ref} is included without a reason: name risk treatment, impact assessment, legal or regulatory, contractual or business need.");
            }
            else if (!row.Included && row.Risks.Count > 0)
            {
                problems.Add($"{row.Ref} cannot be excluded: risks {string.Join(", ", row.Risks)} are treated with it.");
            }
            else if (!row.Included && string.IsNullOrWhiteSpace(row.Justification))
            {
                problems.Add($"{row.Ref} is excluded without a justification.");
            }
        }

        return problems;
    }

    private static string ProposedInclusion(string[] risks, string[] assessments, OrganizationControl[] controls, IReadOnlyList<string> suppliers)
    {
        var parts = new List<string>();
        if (risks.Length > 0)
        {
            parts.Add("treats " + string.Join(", ", risks));
        }

        if (assessments.Length > 0)
        {
            parts.Add("mitigates impacts found in " + string.Join(", ", assessments));
        }

        if (suppliers.Count > 0)
        {
            parts.Add("the supplier register holds active suppliers it governs (" + string.Join(", ", suppliers.Take(6)) + (suppliers.Count > 6 ? $" and {suppliers.Count - 6} more" : string.Empty) + ")");
        }

        parts.Add(controls.Length > 0 ? "implemented through " + string.Join(", ", controls.Select(c => c.Name)) : "no control implements it yet");
        var text = string.Join("; ", parts) + ".";
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static SoaImplementation ImplementationOf(OrganizationControl[] controls)
    {
        if (controls.Length == 0)
        {
            return SoaImplementation.NotStarted;
        }

        if (controls.All(c => c.Status == ControlStatus.Implemented))
        {
            return SoaImplementation.Implemented;
        }

        return controls.Any(c => c.Status is ControlStatus.Implemented or ControlStatus.InProgress) ? SoaImplementation.InProgress : SoaImplementation.Planned;
    }

    private static string[] EvidenceOf(OrganizationControl[] controls) =>
        controls.SelectMany(c => c.Evidence)
            .OrderByDescending(e => e.Date)
            .Select(e => e.Date is { } d ? $"{e.Title} ({d:yyyy-MM-dd})" : e.Title)
            .Distinct(StringComparer.Ordinal)
            .Take(5)
            .ToArray();
}
