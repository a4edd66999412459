using Harmonia.Domain.Consistency;

namespace Harmonia.Domain.Tests.Consistency;

/// <summary>Every consistency rule, once where the facts agree and once where they contradict each other.</summary>
public sealed class ConsistencyRulesTests
{
    private static readonly StatedFacts Coherent = new(
        HighImpact: true,
        AimsScope: "The RiskLens PD model and the support copilot of Acme Insights, and staff use of third-party AI tools.",
        AimsExclusions: "Research prototypes that never process customer data.",
        ProhibitedUses: ["emotion recognition of employees or customers", "biometric identification of people at work"],
        IntendedUses: "estimating the probability of default of SME borrowers for banks' credit decisions, and drafting support replies",
        DefaultOversight: "human_in_the_loop",
        DataTypes: ["personal data", "customer confidential data"],
        RpoHours: 1,
        RtoHours: 4,
        AiRoles: ["AI developer", "AI product or service provider", "AI user"]);

    private static readonly InventoriedSystem CreditModel = new(
        "AI-02", "RiskLens PD model", "Estimates the probability of default of SME borrowers; banks use the scores in their credit decisions.",
        null, "SME owners applying for loans", ["financial statements of borrowers"], "human-in-the-loop", "assistive", null, true, ["ai-developer", "ai-product-provider"]);

    private static readonly InventoriedSystem Copilot = new(
        "AI-01", "Support copilot", "Drafts replies to support tickets that an agent reviews.", null, null, ["support tickets"], "human-in-the-loop", "assistive", null, true, ["ai-user"]);

    private static readonly EvidenceText Bcp = new("evidence 'BIA and BCP with RTO 4 h / RPO 1 h' of control C-23", "C-23", "BIA and BCP with RTO 4 h / RPO 1 h for the RiskLens platform");

    private static IReadOnlyList<ConsistencyFinding> Check(StatedFacts stated, params InventoriedSystem[] systems) =>
        ConsistencyRules.Evaluate(new ConsistencyInput(stated, systems, [Bcp]));

    private static ConsistencyFinding Single(IReadOnlyList<ConsistencyFinding> findings, string rule) => Assert.Single(findings, f => f.Rule == rule);

    [Fact]
    public void A_coherent_organization_has_no_findings()
    {
        Assert.Empty(Check(Coherent, CreditModel, Copilot));
        Assert.Equal(10, ConsistencyRules.All.Count);
        Assert.Equal(ConsistencyRules.All.Count, ConsistencyRules.All.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void High_impact_denied_while_a_system_shapes_credit_decisions()
    {
        var finding = Single(Check(Coherent with { HighImpact = false }, CreditModel, Copilot), ConsistencyRules.HighImpactDenied);
        Assert.Equal("AI-02", finding.Subject);
        Assert.Contains("ai.high_impact", finding.Message, StringComparison.Ordinal);
        Assert.Contains("AI-02 RiskLens PD model", finding.Message, StringComparison.Ordinal);
        Assert.Contains("access to credit", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["ai.high_impact"], finding.ContestedAnswers);

        // Only the copilot, or the credit model out of scope: nothing shapes significant decisions.
        Assert.DoesNotContain(Check(Coherent with { HighImpact = false }, Copilot), f => f.Rule == ConsistencyRules.HighImpactDenied);
        Assert.DoesNotContain(Check(Coherent with { HighImpact = false }, CreditModel with { InScope = false }), f => f.Rule == ConsistencyRules.HighImpactDenied);

        // The EU AI Act class alone is enough.
        var classed = Copilot with { EuAiActClass = "high-risk" };
        Assert.Contains(Check(Coherent with { HighImpact = false }, classed), f => f.Rule == ConsistencyRules.HighImpactDenied && f.Message.Contains("EU AI Act", StringComparison.Ordinal));
    }

    [Fact]
    public void A_system_the_scope_does_not_name_is_outside_the_scope()
    {
        var stated = Coherent with { AimsScope = "The AI features of Acme Insights (churn prediction and the support copilot)." };
        var finding = Single(Check(stated, CreditModel, Copilot), ConsistencyRules.SystemOutsideScope);
        Assert.Equal("AI-02", finding.Subject);
        Assert.Contains(finding.FixAt, f => f.Kind == ConsistencyFixKind.Answer && f.Id == "aims.scope");

        // Naming every AI system at once covers them; so does the key.
        Assert.Empty(Check(Coherent with { AimsScope = "All AI systems the organization develops or uses." }, CreditModel, Copilot));
        Assert.Empty(Check(Coherent with { AimsScope = "AI-02 and the support copilot." }, CreditModel, Copilot));
    }

    [Fact]
    public void A_system_named_in_the_exclusions_cannot_be_in_scope()
    {
        var stated = Coherent with { AimsExclusions = "The RiskLens PD model, which the bank customers operate." };
        var finding = Single(Check(stated, CreditModel, Copilot), ConsistencyRules.ExcludedSystemInScope);
        Assert.Equal("AI-02", finding.Subject);
        Assert.DoesNotContain(Check(stated, CreditModel with { InScope = false }, Copilot), f => f.Rule == ConsistencyRules.ExcludedSystemInScope);
    }

    [Fact]
    public void A_prohibited_use_that_a_system_performs_is_found()
    {
        var stated = Coherent with { ProhibitedUses = ["scoring individuals for credit or insurance", "emotion recognition"] };
        var finding = Single(Check(stated, CreditModel, Copilot), ConsistencyRules.ProhibitedUsePerformed);
        Assert.Equal("AI-02:scoring-individuals-for-credit-or-insurance", finding.Subject);
        Assert.Contains("scoring individuals for credit or insurance", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Check(stated, Copilot));
    }

    [Fact]
    public void A_stated_recovery_time_weaker_than_the_evidence_is_found()
    {
        var finding = Single(Check(Coherent with { RtoHours = 8 }, Copilot), ConsistencyRules.RtoWeakerThanEvidence);
        Assert.Contains("8 hours", finding.Message, StringComparison.Ordinal);
        Assert.Contains("4 hours", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.FixAt, f => f.Kind == ConsistencyFixKind.Control && f.Id == "C-23");
        Assert.Empty(Check(Coherent with { RtoHours = 2 }, Copilot));
    }

    [Fact]
    public void A_stated_recovery_point_weaker_than_the_evidence_is_found()
    {
        var finding = Single(Check(Coherent with { RpoHours = 24 }, Copilot), ConsistencyRules.RpoWeakerThanEvidence);
        Assert.Equal(["backup.rpo_hours"], finding.ContestedAnswers);
        Assert.Empty(Check(Coherent with { RpoHours = 1 }, Copilot));
    }

    [Fact]
    public void Stated_uses_that_leave_out_a_significant_use_are_found()
    {
        var stated = Coherent with { IntendedUses = "predicting customer churn and drafting support replies" };
        var finding = Single(Check(stated, CreditModel, Copilot), ConsistencyRules.IntendedUsesOmitSignificantUse);
        Assert.Equal("AI-02", finding.Subject);
        Assert.Contains("access to credit", finding.Message, StringComparison.Ordinal);

        // Naming the system in the stated uses is enough.
        Assert.DoesNotContain(Check(stated with { IntendedUses = "the RiskLens PD model and drafting support replies" }, CreditModel), f => f.Rule == ConsistencyRules.IntendedUsesOmitSignificantUse);
    }

    [Fact]
    public void Personal_data_left_out_while_a_system_uses_it_is_found()
    {
        var stated = Coherent with { DataTypes = ["customer confidential data", "source code"] };
        var finding = Single(Check(stated, CreditModel), ConsistencyRules.PersonalDataUnstated);
        Assert.Contains("borrower", finding.Message, StringComparison.Ordinal);

        // Unanswered is not a contradiction; a system that uses no data about people is none either.
        Assert.Empty(Check(Coherent with { DataTypes = null }, CreditModel));
        Assert.Empty(Check(stated, Copilot with { Purpose = "Summarises the product documentation.", DataSources = ["public documentation"] }));
    }

    [Fact]
    public void Promised_oversight_contradicted_by_a_system_without_it_is_found()
    {
        Single(Check(Coherent, Copilot with { HumanOversight = "none" }), ConsistencyRules.OversightPromisedButNone);
        Single(Check(Coherent, Copilot with { Autonomy = "full" }), ConsistencyRules.OversightPromisedButNone);
        Assert.Empty(Check(Coherent, Copilot with { HumanOversight = "human-on-the-loop" }));
    }

    [Fact]
    public void The_fingerprint_changes_with_the_facts_and_only_with_them()
    {
        var stated = Coherent with { HighImpact = false };
        var first = Single(Check(stated, CreditModel), ConsistencyRules.HighImpactDenied);
        var again = Single(Check(stated, CreditModel), ConsistencyRules.HighImpactDenied);
        var changed = Single(Check(stated, CreditModel with { Purpose = CreditModel.Purpose + " Also used for leasing." }), ConsistencyRules.HighImpactDenied);
        Assert.Equal(first.Fingerprint, again.Fingerprint);
        Assert.Equal(first.Id, changed.Id);
        Assert.NotEqual(first.Fingerprint, changed.Fingerprint);
    }

    [Theory]
    [InlineData("BCP with RTO 4 h / RPO 1 h", "RTO", 4.0)]
    [InlineData("BCP with RTO 4 h / RPO 1 h", "RPO", 1.0)]
    [InlineData("Restore test: an RTO of 2 hours was met", "RTO", 2.0)]
    [InlineData("Continuous replication, RPO: 30 minutes", "RPO", 0.5)]
    [InlineData("A 6-hour RTO agreed with the banks", "RTO", 6.0)]
    public void Recovery_targets_are_read_from_evidence_text(string text, string objective, double hours) =>
        Assert.Equal([hours], RecoveryTargets.Find(objective, text));

    [Fact]
    public void Text_without_a_target_gives_none() => Assert.Empty(RecoveryTargets.Find("RTO", "Region failover test report, targets met"));

    [Fact]
    public void A_role_held_towards_a_system_but_not_stated_is_found_by_main_role()
    {
        // The answer names only the customer side; the credit model is built and offered by the organization.
        var stated = Coherent with { AiRoles = ["AI user"] };
        var finding = Single(Check(stated, CreditModel, Copilot), ConsistencyRules.AiRoleUnstated);
        Assert.Equal("AI-02", finding.Subject);
        Assert.Contains("AI provider and AI producer", finding.Message, StringComparison.Ordinal);
        Assert.Contains("ai.roles", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["ai.roles"], finding.ContestedAnswers);

        // A main role in the answer covers its finer roles; a stated role no system holds is no contradiction.
        Assert.Empty(Check(Coherent with { AiRoles = ["AI provider", "AI producer", "AI customer", "regulator"] }, CreditModel, Copilot));

        // The old single-role words still read as the roles they map to, and an out-of-scope system is not compared.
        Assert.Empty(Check(Coherent with { AiRoles = ["developer", "provider", "user"] }, CreditModel, Copilot));
        Assert.Empty(Check(stated, CreditModel with { InScope = false }, Copilot));

        // An unanswered question is not a contradiction.
        Assert.Empty(Check(Coherent with { AiRoles = null }, CreditModel, Copilot));
    }
}
