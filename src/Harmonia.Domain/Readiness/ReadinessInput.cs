using Harmonia.Domain.Gaps;

namespace Harmonia.Domain.Readiness;

/// <summary>
/// A requirement that asks for documented information, and the document that provides it if there is one.
/// </summary>
/// <param name="Expectation">What an auditor expects to find, in our words; shown in the blocking item.</param>
/// <param name="DocumentTitle">The document whose statements cover it; null when none does.</param>
/// <param name="Approved">Whether that document is approved or published (a draft does not count for Stage 1).</param>
/// <param name="Held">The document of a certified system kept outside Harmonia that provides it, if one is listed.</param>
public sealed record DocumentedInformationItem(string RequirementId, string? Expectation, string? DocumentTitle, bool Approved, HeldElsewhere? Held = null);

/// <summary>
/// A document of a certified management system kept outside Harmonia, listed with the certificate whose audits saw
/// it. It counts as a registered document while the certificate is current and its date is within the record window
/// (a document nobody approved or reviewed for a year is not one an auditor takes on trust).
/// </summary>
/// <param name="Reference">Its identifier or version where it is held.</param>
/// <param name="DatedOn">When its current version was approved or last reviewed.</param>
/// <param name="Certificate">The certificate it is listed with ("ISMS-2023-0042 of Nordlicht Zertifizierung GmbH").</param>
public sealed record HeldElsewhere(string Title, string? Reference, DateOnly DatedOn, string Location, string Certificate, DateOnly CertificateExpiresOn)
{
    private string Name => Reference is null ? $"'{Title}'" : $"'{Title}' ({Reference})";

    /// <summary>Why it does not count today, or null when it does.</summary>
    public string? NotCounted(DateOnly today) =>
        CertificateExpiresOn < today
            ? $"{Name} is listed with certificate {Certificate}, which expired on {CertificateExpiresOn:yyyy-MM-dd}: documents held elsewhere count only under a current certificate."
            : DatedOn > today
                ? $"{Name} is dated {DatedOn:yyyy-MM-dd}, after today."
                : DatedOn <= today.AddMonths(-ReadinessModel.RecordWindowMonths)
                    ? $"{Name}, held outside Harmonia, was last approved or reviewed on {DatedOn:yyyy-MM-dd}, more than {ReadinessModel.RecordWindowMonths} months ago: review it and record its new date."
                    : null;

    /// <summary>What the check passed on, shown beside it.</summary>
    public string Basis => $"held outside Harmonia: {Name}, dated {DatedOn:yyyy-MM-dd}, at {Location}; listed with certificate {Certificate}";
}

/// <summary>One framework to assess: its gap report and its documented-information requirements.</summary>
public sealed record FrameworkReadinessInput(GapReport Gaps, IReadOnlyList<DocumentedInformationItem> DocumentedInformation)
{
    /// <summary>
    /// The records a certification body reviews at Stage 1 (risk assessment, treatment plan, SoA, impact
    /// assessments, audit programme, planned review), each with what is missing; the caller knows the data.
    /// </summary>
    public IReadOnlyList<RequiredRecord> Records { get; init; } = [];
}

/// <summary>A record Stage 1 needs to see, and what is missing of it (nothing when it is in place).</summary>
/// <param name="Key">Stable name of the record ("risk-assessment"); a framework's records have distinct keys.</param>
public sealed record RequiredRecord(string Key, string Title, IReadOnlyList<BlockingItem> Missing);

/// <summary>An internal audit that is completed, with the requirements its checklist covered.</summary>
/// <param name="Key">The audit's key (IA-2026-01): how a management review's inputs name it.</param>
public sealed record CompletedAudit(string Name, DateOnly CompletedOn, IReadOnlyList<string> CoveredRequirementIds, string? Key = null);

/// <summary>A management review that was held.</summary>
/// <param name="AuditsConsidered">Keys of the internal audits whose results were among its inputs.</param>
/// <param name="TopManagementAttended">Whether a named top-management member attended; null when not recorded.</param>
public sealed record HeldReview(DateOnly HeldOn, IReadOnlyList<string> AuditsConsidered, bool? TopManagementAttended);

/// <summary>Everything readiness looks at; <paramref name="Today"/> is passed in so the rules are repeatable.</summary>
/// <param name="Controls">The organization's controls, for the evidence dates.</param>
/// <param name="ManagementReviews">The management reviews that were held.</param>
/// <param name="OpenNonconformities">Nonconformities of any grade that are not closed.</param>
public sealed record ReadinessInput(
    DateOnly Today,
    IReadOnlyList<FrameworkReadinessInput> Frameworks,
    IReadOnlyList<OrganizationControl> Controls,
    IReadOnlyList<CompletedAudit> Audits,
    IReadOnlyList<HeldReview> ManagementReviews,
    IReadOnlyList<OpenNonconformity> OpenNonconformities);
