using Harmonia.Domain.Gaps;

namespace Harmonia.Domain.Readiness;

/// <summary>
/// A requirement that asks for documented information, and the document that provides it if there is one.
/// </summary>
/// <param name="Expectation">What an auditor expects to find, in our words; shown in the blocking item.</param>
/// <param name="DocumentTitle">The document whose statements cover it; null when none does.</param>
/// <param name="Approved">Whether that document is approved or published (a draft does not count for Stage 1).</param>
public sealed record DocumentedInformationItem(string RequirementId, string? Expectation, string? DocumentTitle, bool Approved);

/// <summary>One framework to assess: its gap report and its documented-information requirements.</summary>
public sealed record FrameworkReadinessInput(GapReport Gaps, IReadOnlyList<DocumentedInformationItem> DocumentedInformation);

/// <summary>An internal audit that is completed, with the requirements its checklist covered.</summary>
public sealed record CompletedAudit(string Name, DateOnly CompletedOn, IReadOnlyList<string> CoveredRequirementIds);

/// <summary>Everything readiness looks at; <paramref name="Today"/> is passed in so the rules are repeatable.</summary>
/// <param name="Controls">The organization's controls, for the evidence dates.</param>
/// <param name="ManagementReviews">Dates on which a management review was held.</param>
/// <param name="OpenNonconformities">Nonconformities of any grade that are not closed.</param>
public sealed record ReadinessInput(
    DateOnly Today,
    IReadOnlyList<FrameworkReadinessInput> Frameworks,
    IReadOnlyList<OrganizationControl> Controls,
    IReadOnlyList<CompletedAudit> Audits,
    IReadOnlyList<DateOnly> ManagementReviews,
    IReadOnlyList<OpenNonconformity> OpenNonconformities);
