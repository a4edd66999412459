using System.Text.Json.Serialization;

namespace Harmonia.Domain.Competence;

[JsonConverter(typeof(JsonStringEnumConverter<CompetenceArea>))]
public enum CompetenceArea
{
    Ai,
    Security,
    ManagementSystem,
}

/// <summary>A competence a role can require and evidence can cover; built in, or added by the organization.</summary>
public sealed record CompetenceDefinition(string Key, string Name, CompetenceArea Area, string Description, bool BuiltIn = true);

/// <summary>
/// The competences every organization starts with, named and described in our own words: the AI side that 42001
/// adds (machine learning, data, ethics, law, AI risk and impact) and the usual security and management-system ones.
/// </summary>
public static class CompetenceCatalog
{
    public static readonly IReadOnlyList<CompetenceDefinition> BuiltIn =
    [
        new("machine-learning", "Machine learning engineering", CompetenceArea.Ai, "Builds, trains, evaluates and monitors models, and knows where they fail."),
        new("data-science", "Data science and data quality", CompetenceArea.Ai, "Prepares and judges data sets: provenance, representativeness, labelling, quality measures."),
        new("ai-ethics", "AI ethics and fairness", CompetenceArea.Ai, "Recognises unfair or harmful outcomes of AI systems and knows how to test for and reduce them."),
        new("ai-law", "AI law and regulation", CompetenceArea.Ai, "Knows the legal duties that apply to the AI systems the organization builds or uses (e.g. the EU AI Act)."),
        new("ai-risk", "AI risk and impact assessment", CompetenceArea.Ai, "Runs AI risk assessments and impact assessments on individuals, groups and society."),
        new("ai-oversight", "Human oversight of AI systems", CompetenceArea.Ai, "Supervises an AI system in operation, reads its outputs critically and knows when to step in."),
        new("security-risk", "Information security risk management", CompetenceArea.Security, "Identifies, rates and treats risks to confidentiality, integrity and availability."),
        new("secure-development", "Secure development", CompetenceArea.Security, "Writes and reviews software so that common weaknesses do not reach production."),
        new("incident-response", "Incident response", CompetenceArea.Security, "Detects, contains and learns from security incidents, and reports them in time."),
        new("access-management", "Identity and access management", CompetenceArea.Security, "Grants, reviews and removes access on the principle of least privilege."),
        new("privacy", "Privacy and data protection", CompetenceArea.Security, "Handles personal data lawfully and protects it through its whole life."),
        new("internal-audit", "Management system auditing", CompetenceArea.ManagementSystem, "Plans and performs internal audits objectively and reports findings with evidence."),
        new("ms-management", "Running a management system", CompetenceArea.ManagementSystem, "Keeps the management system's processes, documents, objectives and reviews going."),
    ];

    public static CompetenceDefinition? Find(string key, IEnumerable<CompetenceDefinition>? custom = null) =>
        BuiltIn.Concat(custom ?? []).FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.Ordinal));
}

[JsonConverter(typeof(JsonStringEnumConverter<CompetenceEvidenceKind>))]
public enum CompetenceEvidenceKind
{
    Training,
    Qualification,
    Experience,
    Assessment,
}
