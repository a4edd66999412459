using Harmonia.Domain.Gaps;
using Harmonia.Domain.Suppliers;
namespace Harmonia.App.Features.Organizations;

/// <summary>A whole organization as YAML ("compliance as code"); the format is documented in the README.</summary>
public sealed record OrganizationFile(
    OrganizationProfile Profile,
    double TeamCapacityFte,
    IReadOnlyList<AiSystemEntry> AiSystems,
    IReadOnlyList<OrganizationControl> Controls,
    IReadOnlyList<DirectResult> Results)
{
    /// <summary>The organization's own supplier tiers; null when it uses the default set.</summary>
    public IReadOnlyList<SupplierTier>? SupplierTiers { get; init; }

    public IReadOnlyList<SupplierEntry> Suppliers { get; init; } = [];

    /// <summary>
    /// The state the gap analysis reads from a file: its controls and results, and what its supplier register earns
    /// on <paramref name="today"/> (reviews fall due with the date, so it is a parameter, not the clock).
    /// </summary>
    public OrganizationState ToState(DateOnly today) =>
        new(Profile.Name, Profile.Employees, TeamCapacityFte, Controls, Results)
        {
            Records = SupplierControlNeeds.Credits(SupplierFacts(), today),
            AiSystems = AiSystems.Select(a => new ScopedAiSystem(a.Id, a.Name, a.EuAiActRole, a.EuAiActClass)).ToArray(),
        };

    public IReadOnlyList<SupplierFacts> SupplierFacts()
    {
        var tiers = SupplierTiers ?? SupplierVocabulary.DefaultTiers;
        return Suppliers.Select(s => new SupplierFacts(s.Id, s.Name, s.Kind, s.Status,
            tiers.FirstOrDefault(t => t.Key == s.Tier) ?? tiers.OrderBy(t => t.ReviewMonths).First(), s.Certifications, s.Contracts, s.Reviews, s.AiSystems.Count > 0,
            s.Questionnaires.Select(q => q.ToAccepted()).ToArray())).ToArray();
    }
}

/// <summary>A supplier of the register as the organization file carries it; links name records by key (evidence links stay in the database).</summary>
public sealed record SupplierEntry(
    string Id,
    string Name,
    string? Services,
    SupplierKind Kind,
    string Tier,
    string? DataProcessed,
    SupplierStatus Status,
    IReadOnlyList<SupplierContact> Contacts,
    IReadOnlyList<SupplierCertification> Certifications,
    IReadOnlyList<SupplierContract> Contracts,
    IReadOnlyList<SupplierReview> Reviews,
    OffboardingChecklist Offboarding,
    IReadOnlyList<SupplierAiSystemEntry> AiSystems,
    IReadOnlyList<string> Risks,
    IReadOnlyList<string> Controls,
    IReadOnlyList<string> SubProcessors)
{
    public IReadOnlyList<SupplierQuestionnaireEntry> Questionnaires { get; init; } = [];
}

/// <param name="Role">The supplier's ISO/IEC 22989 role towards the AI system (see SupplierVocabulary.AiSystemRoles).</param>
public sealed record SupplierAiSystemEntry(string AiSystem, string Role);

public sealed record OrganizationProfile(
    string Name,
    string? Sector,
    int? Employees,
    IReadOnlyList<string> Locations,
    IReadOnlyList<Certification> Certifications);

public sealed record Certification(string FrameworkId, DateOnly? Since, string? CertificationBody);

/// <param name="Roles">The organization's ISO/IEC 22989 roles towards the system (tokens of <c>AiRoles</c>), at least one.</param>
/// <param name="EuAiActRole">Optional EU AI Act operator role.</param>
/// <param name="EuAiActClass">Optional EU AI Act risk class (tokens of <c>EuAiActClasses</c>); with the role it selects the Act's obligations.</param>
public sealed record AiSystemEntry(string Id, string Name, string? Purpose, IReadOnlyList<string> Roles, string? EuAiActRole, string? LifecycleStage, string? Supplier, string? EuAiActClass = null);

/// <summary>
/// An accepted due diligence questionnaire as the organization file carries it: the answers and the reviewer's marks
/// against one of Harmonia's templates. Only accepted ones travel in the file; a live link cannot (its secret is never stored).
/// </summary>
public sealed record SupplierQuestionnaireEntry(
    QuestionnaireTemplate Template,
    string SentTo,
    DateOnly SentOn,
    DateOnly? SubmittedOn,
    DateOnly AcceptedOn,
    string AcceptedBy,
    IReadOnlyList<QuestionnaireAnswer> Answers,
    IReadOnlyList<AnswerMark> Marks)
{
    public AcceptedQuestionnaire ToAccepted()
    {
        var score = QuestionnaireScoring.Score(Template, Answers, Marks);
        return new AcceptedQuestionnaire(Template.Title, AcceptedOn, score.RequirementsPassed, score.RequirementsFailed);
    }
}
