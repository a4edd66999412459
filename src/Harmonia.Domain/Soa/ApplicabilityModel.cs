using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Gaps;

namespace Harmonia.Domain.Soa;

/// <summary>A register risk as the SoA sees it: its key and the organization's controls that treat it.</summary>
public sealed record SoaRisk(string Key, string Treatment, IReadOnlyList<string> ControlKeys);

/// <summary>An approved impact assessment's mitigations: which of the organization's controls it relies on.</summary>
public sealed record SoaAssessment(string Label, IReadOnlyList<string> ControlKeys);

/// <summary>Published or registered documents that address Annex A controls.</summary>
/// <param name="ByRequirement">Requirement id to the documents addressing it ("AI policy v1.0").</param>
/// <param name="MetByDocument">Controls that ask for nothing but a document (a policy): publishing it implements them.</param>
public sealed record SoaDocuments(IReadOnlyDictionary<string, IReadOnlyList<string>> ByRequirement, IReadOnlySet<string> MetByDocument)
{
    public static readonly SoaDocuments None = new(new Dictionary<string, IReadOnlyList<string>>(), new HashSet<string>());
}

/// <summary>
/// One applicability model for both Statements of Applicability: which Annex A controls the organization's data calls
/// for, and why. Reasons are proposed from the data (risk treatment, impact assessment mitigations, controls that
/// implement it, published documents that address it); legal and contractual reasons, and every exclusion, are a
/// person's decision. A control the data gives no basis for is proposed as undecided, never as excluded: an exclusion
/// needs a justification only a person can give.
/// </summary>
public static class ApplicabilityModel
{
    public static IReadOnlyList<SoaRow> Propose(
        Framework framework,
        IReadOnlyList<OrganizationControl> controls,
        IReadOnlyList<SoaRisk> risks,
        IReadOnlyList<SoaAssessment> assessments,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? suppliers = null,
        SoaDocuments? documents = null)
    {
        documents ??= SoaDocuments.None;
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
            var addressing = documents.ByRequirement.GetValueOrDefault(requirement.Id) ?? [];
            if ((relevant.Length > 0 || calledBySuppliers.Count > 0 || addressing.Count > 0) && reasons.Count == 0)
            {
                reasons.Add(SoaReason.BusinessNeed);
            }

            var included = reasons.Count > 0;
            var excludedByControls = !included && implementing.Length > 0;
            var justification = included
                ? ProposedInclusion(riskKeys, assessmentLabels, relevant, calledBySuppliers, addressing)
                : excludedByControls
                    ? "Proposed for exclusion: every control that implements it is marked not applicable (" + string.Join(", ", implementing.Select(c => c.Name)) + ")."
                    : string.Empty;
            rows.Add(new SoaRow(
                requirement.Id,
                requirement.Ref,
                requirement.Title,
                included,
                reasons,
                justification,
                ImplementationOf(relevant, addressing.Count > 0, documents.MetByDocument.Contains(requirement.Id)),
                riskKeys,
                assessmentLabels,
                relevant.Select(c => c.Name).ToArray(),
                EvidenceOf(relevant),
                Undecided: !included && !excludedByControls,
                Documents: addressing));
        }

        return rows;
    }

    /// <summary>The proposal with a person's decisions applied; the data columns always come from the proposal.</summary>
    public static IReadOnlyList<SoaRow> Apply(IReadOnlyList<SoaRow> proposal, IReadOnlyList<SoaDecision> decisions)
    {
        // A control decided twice is refused by Malformed; here the last decision wins rather than throwing.
        var byId = decisions.GroupBy(d => d.RequirementId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return proposal.Select(row => byId.TryGetValue(row.RequirementId, out var d)
            ? row with
            {
                Included = d.Included ?? false,
                Undecided = d.Included is null,
                Reasons = d.Included == true ? d.Reasons.Distinct().Order().ToArray() : [],
                Justification = string.IsNullOrWhiteSpace(d.Justification)
                    ? (d.Included == row.Included && !row.Undecided ? row.Justification : string.Empty)
                    : d.Justification.Trim(),
            }
            : row).ToArray();
    }

    /// <summary>Decisions that cannot be saved at all: controls that are not in this Annex A, or decided twice.</summary>
    public static IReadOnlyList<string> Malformed(IReadOnlyList<SoaRow> proposal, IReadOnlyList<SoaDecision> decisions)
    {
        var known = proposal.Select(r => r.RequirementId).ToHashSet(StringComparer.Ordinal);
        var problems = decisions.Where(d => !known.Contains(d.RequirementId)).Select(d => $"{d.RequirementId} is not a control of this Annex A.").ToList();
        problems.AddRange(decisions.GroupBy(d => d.RequirementId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} is decided twice."));
        return problems;
    }

    /// <summary>
    /// What still needs a person's decision before the statement can be approved, one sentence per control starting
    /// with its ref: not decided yet, included without a reason, excluded without a justification, or excluded while a
    /// risk is treated with it. A draft may hold these; an approved statement holds none.
    /// </summary>
    public static IReadOnlyList<string> Undecided(IReadOnlyList<SoaRow> rows) =>
        rows.Select(NeedsDecision).OfType<string>().ToArray();

    /// <summary>Why this control still needs a decision, or null when its decision is complete.</summary>
    public static string? NeedsDecision(SoaRow row) => row switch
    {
        { Undecided: true } => $"{row.Ref} is not decided yet: nothing in the data calls for it, so say whether it applies (with a reason) or why it is excluded.",
        { Included: true, Reasons.Count: 0 } => $"{row.Ref} is included without a reason: name risk treatment, impact assessment, legal or regulatory, contractual or business need.",
        { Included: false, Risks.Count: > 0 } => $"{row.Ref} cannot be excluded: risks {string.Join(", ", row.Risks)} are treated with it.",
        { Included: false } when string.IsNullOrWhiteSpace(row.Justification) => $"{row.Ref} is excluded without a justification.",
        _ => null,
    };

    private static string ProposedInclusion(string[] risks, string[] assessments, OrganizationControl[] controls, IReadOnlyList<string> suppliers, IReadOnlyList<string> documents)
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

        if (documents.Count > 0)
        {
            parts.Add("addressed by " + string.Join(", ", documents.Take(4)) + (documents.Count > 4 ? $" and {documents.Count - 4} more" : string.Empty));
        }

        parts.Add(controls.Length > 0 ? "implemented through " + string.Join(", ", controls.Select(c => c.Name)) : "no control implements it yet");
        var text = string.Join("; ", parts) + ".";
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>
    /// From the controls that implement it; a published document that addresses it shows the work has started (the
    /// rules are written, their operation not yet recorded), and implements a control that asks for nothing but
    /// the document (a policy).
    /// </summary>
    private static SoaImplementation ImplementationOf(OrganizationControl[] controls, bool documented, bool metByDocument)
    {
        var byControls = controls.Length == 0 ? SoaImplementation.NotStarted
            : controls.All(c => c.Status == ControlStatus.Implemented) ? SoaImplementation.Implemented
            : controls.Any(c => c.Status is ControlStatus.Implemented or ControlStatus.InProgress) ? SoaImplementation.InProgress
            : SoaImplementation.Planned;
        var byDocuments = !documented ? SoaImplementation.NotStarted : metByDocument ? SoaImplementation.Implemented : SoaImplementation.InProgress;
        return byControls > byDocuments ? byControls : byDocuments;
    }

    private static string[] EvidenceOf(OrganizationControl[] controls) =>
        controls.SelectMany(c => c.Evidence)
            .OrderByDescending(e => e.Date)
            .Select(e => e.Date is { } d ? $"{e.Title} ({d:yyyy-MM-dd})" : e.Title)
            .Distinct(StringComparer.Ordinal)
            .Take(5)
            .ToArray();
}
