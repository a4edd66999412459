namespace Harmonia.Domain.Suppliers;

/// <summary>What the due-date rules need of a supplier.</summary>
public sealed record SupplierFacts(
    string Key,
    string Name,
    SupplierKind Kind,
    SupplierStatus Status,
    SupplierTier Tier,
    IReadOnlyList<SupplierCertification> Certifications,
    IReadOnlyList<SupplierContract> Contracts,
    IReadOnlyList<SupplierReview> Reviews,
    bool LinkedToAiSystem = false,
    IReadOnlyList<AcceptedQuestionnaire>? Questionnaires = null)
{
    public IReadOnlyList<AcceptedQuestionnaire> AcceptedQuestionnaires => Questionnaires ?? [];
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DueKind>))]
public enum DueKind
{
    Review,
    Certification,
    ContractRenewal,
    ContractEnd,
}

/// <summary>One date that falls due: a review, a certificate's expiry, a contract renewal or end.</summary>
public sealed record DueItem(DueKind Kind, string What, DateOnly On, bool Overdue);

/// <summary>Where a supplier stands today: its last review, when the next is due, and what falls due soon or is overdue.</summary>
public sealed record SupplierStanding(SupplierReview? LastReview, DateOnly? NextReviewDue, bool ReviewOverdue, IReadOnlyList<DueItem> Due)
{
    /// <summary>Dates within this many days count as falling due, so a person sees them before they pass.</summary>
    public const int SoonDays = 60;

    public bool AnyOverdue => Due.Any(d => d.Overdue);

    /// <summary>
    /// Only proposed, active and offboarding suppliers are watched: an ended relationship owes no review. A supplier
    /// never reviewed is due at once (its next review is today), so a new active supplier shows up as work.
    /// </summary>
    public static SupplierStanding Of(SupplierFacts supplier, DateOnly today)
    {
        var last = supplier.Reviews.OrderByDescending(r => r.On).FirstOrDefault();
        if (supplier.Status == SupplierStatus.Ended)
        {
            return new SupplierStanding(last, null, false, []);
        }

        var next = last is null ? today : last.On.AddMonths(supplier.Tier.ReviewMonths);
        var reviewOverdue = last is null ? supplier.Status == SupplierStatus.Active : next < today;
        var due = new List<DueItem>();
        if (reviewOverdue || next <= today.AddDays(SoonDays))
        {
            due.Add(new DueItem(DueKind.Review, last is null ? "first review" : $"{supplier.Tier.Name.ToLowerInvariant()} tier review every {supplier.Tier.ReviewMonths} months", next, reviewOverdue));
        }

        foreach (var certification in supplier.Certifications.Where(c => c.Expires is not null))
        {
            if (certification.Expires!.Value <= today.AddDays(SoonDays))
            {
                due.Add(new DueItem(DueKind.Certification, CertificationName(certification) + " certificate expires", certification.Expires.Value, certification.Expires.Value < today));
            }
        }

        foreach (var contract in supplier.Contracts)
        {
            if (contract.RenewalOn is { } renewal && renewal <= today.AddDays(SoonDays) && (contract.Ends is null || contract.Ends >= today))
            {
                due.Add(new DueItem(DueKind.ContractRenewal, $"contract '{contract.Title}' renewal", renewal, renewal < today));
            }
            else if (contract.Ends is { } ends && ends <= today.AddDays(SoonDays) && ends >= today.AddDays(-SoonDays))
            {
                due.Add(new DueItem(DueKind.ContractEnd, $"contract '{contract.Title}' ends", ends, ends < today));
            }
        }

        return new SupplierStanding(last, next, reviewOverdue, due.OrderBy(d => d.On).ToArray());
    }

    public static string CertificationName(SupplierCertification certification) =>
        certification.Scheme == CertificationScheme.Other && !string.IsNullOrWhiteSpace(certification.Name) ? certification.Name! : certification.Scheme.ToLabel();

    /// <summary>
    /// A review counts for the gap credits while it is within the tier's cadence and did not find the supplier
    /// unsatisfactory: an unsatisfactory review shows the control working, but not that the relationship is under control.
    /// </summary>
    public static bool HasCurrentReview(SupplierFacts supplier, DateOnly today)
    {
        var last = supplier.Reviews.OrderByDescending(r => r.On).FirstOrDefault();
        return last is not null && last.On <= today && last.On.AddMonths(supplier.Tier.ReviewMonths) >= today && last.Outcome != ReviewOutcome.Unsatisfactory;
    }

    /// <summary>The clauses of the contracts in force today (started, not yet ended).</summary>
    public static IReadOnlySet<ContractClause> ClausesInForce(SupplierFacts supplier, DateOnly today) =>
        supplier.Contracts.Where(c => (c.Starts is null || c.Starts <= today) && (c.Ends is null || c.Ends >= today)).SelectMany(c => c.Clauses).ToHashSet();
}
