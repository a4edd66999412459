using Harmonia.Domain.Suppliers;

namespace Harmonia.Domain.Tests.Suppliers;

public sealed class SupplierStandingTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly SupplierTier Critical = new("critical", "Critical", "Customer data", 12);

    private static SupplierFacts Supplier(SupplierStatus status = SupplierStatus.Active, SupplierReview[]? reviews = null, SupplierCertification[]? certifications = null, SupplierContract[]? contracts = null) =>
        new("SUP-1", "Nordwolke", SupplierKind.Cloud, status, Critical, certifications ?? [], contracts ?? [], reviews ?? []);

    [Fact]
    public void The_next_review_follows_the_tier_cadence_from_the_last_review()
    {
        var standing = SupplierStanding.Of(Supplier(reviews: [new(new(2025, 3, 1), "CISO", ReviewOutcome.Satisfactory, null), new(new(2026, 6, 1), "CISO", ReviewOutcome.Conditional, null)]), Today);

        Assert.Equal(new DateOnly(2027, 6, 1), standing.NextReviewDue);
        Assert.False(standing.ReviewOverdue);
        Assert.Empty(standing.Due);
    }

    [Fact]
    public void A_review_past_its_cadence_is_overdue_and_a_never_reviewed_active_supplier_is_due_today()
    {
        var late = SupplierStanding.Of(Supplier(reviews: [new(new(2025, 11, 30), "CISO", ReviewOutcome.Satisfactory, null)]), Today);
        Assert.True(late.ReviewOverdue);
        Assert.Equal(new DateOnly(2026, 11, 30), Assert.Single(late.Due).On);

        var never = SupplierStanding.Of(Supplier(), Today);
        Assert.Equal((Today, true), (never.NextReviewDue!.Value, never.ReviewOverdue));

        // A proposed supplier is due for its first review but not yet late; an ended one owes nothing.
        Assert.False(SupplierStanding.Of(Supplier(SupplierStatus.Proposed), Today).ReviewOverdue);
        Assert.Empty(SupplierStanding.Of(Supplier(SupplierStatus.Ended), Today).Due);
    }

    [Fact]
    public void Certificates_and_renewals_fall_due_within_sixty_days_and_are_overdue_once_passed()
    {
        var reviews = new SupplierReview[] { new(new(2026, 10, 1), "CISO", ReviewOutcome.Satisfactory, null) };
        var standing = SupplierStanding.Of(Supplier(reviews: reviews,
            certifications: [new(CertificationScheme.Iso27001, null, new(2027, 1, 15), null), new(CertificationScheme.Soc2, null, new(2026, 11, 1), null), new(CertificationScheme.Other, "C5", new(2028, 1, 1), null)],
            contracts: [new("MSA", new(2024, 1, 1), null, new(2027, 1, 31), [ContractClause.Security])]), Today);

        Assert.Equal(
            [(DueKind.Certification, "SOC 2 certificate expires", true), (DueKind.Certification, "ISO/IEC 27001 certificate expires", false), (DueKind.ContractRenewal, "contract 'MSA' renewal", false)],
            standing.Due.Select(d => (d.Kind, d.What, d.Overdue)).ToArray());
        Assert.True(standing.AnyOverdue);
    }

    [Fact]
    public void Only_clauses_of_contracts_in_force_count_and_an_unsatisfactory_review_is_not_current()
    {
        var supplier = Supplier(
            reviews: [new(new(2026, 6, 1), "CISO", ReviewOutcome.Unsatisfactory, "No incident process")],
            contracts: [new("Old", new(2020, 1, 1), new(2025, 12, 31), null, [ContractClause.AuditRights]), new("Current", new(2026, 1, 1), null, null, [ContractClause.Security]), new("Future", new(2027, 6, 1), null, null, [ContractClause.Confidentiality])]);

        Assert.Equal([ContractClause.Security], SupplierStanding.ClausesInForce(supplier, Today));
        Assert.False(SupplierStanding.HasCurrentReview(supplier, Today));
    }
}
