namespace Harmonia.Domain.Consistency;

/// <summary>
/// What the organization says about itself in the questionnaire, as far as the consistency rules read it. A null or empty
/// value means the question is unanswered; the rules then stay silent, because a missing answer already blocks publication
/// through the required-answer check and is not a contradiction.
/// </summary>
/// <param name="HighImpact">ai.high_impact: whether any AI system makes or shapes decisions with significant effects on people.</param>
/// <param name="AimsScope">aims.scope: the scope statement of the AI management system.</param>
/// <param name="AimsExclusions">aims.exclusions: what the AIMS scope leaves out.</param>
/// <param name="ProhibitedUses">ai.prohibited_uses: the uses of AI the organization rules out.</param>
/// <param name="IntendedUses">ai.intended_uses: what the organization uses or offers AI for.</param>
/// <param name="DefaultOversight">ai.oversight: the default human oversight the AI policy promises.</param>
/// <param name="DataTypes">org.data_types: the kinds of information handled; null when unanswered.</param>
/// <param name="RpoHours">backup.rpo_hours: the largest acceptable data loss.</param>
/// <param name="RtoHours">backup.rto_hours: the longest acceptable outage of critical services.</param>
/// <param name="AiRoles">ai.roles: the ISO/IEC 22989 role names the organization says it holds towards AI; null when unanswered.</param>
public sealed record StatedFacts(
    bool? HighImpact,
    string? AimsScope,
    string? AimsExclusions,
    IReadOnlyList<string> ProhibitedUses,
    string? IntendedUses,
    string? DefaultOversight,
    IReadOnlyList<string>? DataTypes,
    double? RpoHours,
    double? RtoHours,
    IReadOnlyList<string>? AiRoles = null)
{
    public static readonly StatedFacts None = new(null, null, null, [], null, null, null, null, null);
}

/// <summary>An AI system of the inventory, with the recorded fields the rules compare with the answers.</summary>
/// <param name="DataSources">The names (and provenance) of its data sources.</param>
/// <param name="HumanOversight">human-in-the-loop, human-on-the-loop, human-in-command or none.</param>
/// <param name="Autonomy">assistive, partial or full.</param>
/// <param name="EuAiActClass">prohibited, high-risk, limited, minimal or gpai.</param>
/// <param name="Roles">The ISO/IEC 22989 role tokens the organization holds towards the system.</param>
public sealed record InventoriedSystem(
    string Key,
    string Name,
    string? Purpose,
    string? IntendedUse,
    string? AffectedPeople,
    IReadOnlyList<string> DataSources,
    string? HumanOversight,
    string? Autonomy,
    string? EuAiActClass,
    bool InScope,
    IReadOnlyList<string>? Roles = null)
{
    /// <summary>"AI-02 RiskLens PD model", how messages name the system.</summary>
    public string Label => $"{Key} {Name}";

    /// <summary>What the system is recorded to do and to whom: the text the decision areas are looked for in.</summary>
    public string Description => string.Join(" ", new[] { Purpose, IntendedUse, AffectedPeople }.Where(t => !string.IsNullOrWhiteSpace(t)));
}

/// <summary>The text of a current piece of evidence (title and note of its newest version), and what it belongs to.</summary>
/// <param name="Source">How a message names it, e.g. "evidence 'BCP v4' of control C-23".</param>
/// <param name="ControlKey">The control the evidence belongs to, for the link to fix it.</param>
public sealed record EvidenceText(string Source, string ControlKey, string Text);

/// <summary>Everything the consistency rules compare: what the organization says with what it has.</summary>
public sealed record ConsistencyInput(StatedFacts Stated, IReadOnlyList<InventoriedSystem> Systems, IReadOnlyList<EvidenceText> Evidence);
