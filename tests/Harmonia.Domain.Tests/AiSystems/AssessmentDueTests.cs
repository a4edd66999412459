using Harmonia.Domain.AiSystems;

namespace Harmonia.Domain.Tests.AiSystems;

public sealed class AssessmentDueTests
{
    private static readonly SignificantFacts Assessed = new("Drafts support replies", "Hosted LLM", "Ticket history from the help desk", "Customers writing in");
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void An_assessment_for_the_system_as_it_is_and_before_its_review_date_is_current()
    {
        var standing = AssessmentDue.Evaluate("Copilot", Assessed with { Purpose = "  drafts SUPPORT   replies " }, Assessed, "v1", Today.AddDays(1), Today);

        Assert.Equal(AssessmentCurrency.Current, standing.Currency);
    }

    [Fact]
    public void A_significant_change_or_a_passed_review_date_makes_it_due_and_says_why()
    {
        var changed = AssessmentDue.Evaluate("Copilot", Assessed with { ModelType = "Fine-tuned LLM", AffectedPeople = "Customers and staff" }, Assessed, "v1", Today.AddYears(1), Today);
        var late = AssessmentDue.Evaluate("Copilot", Assessed, Assessed, "v1", Today.AddDays(-1), Today);
        var none = AssessmentDue.Evaluate("Copilot", Assessed, null, null, null, Today);

        Assert.Equal(AssessmentCurrency.Due, changed.Currency);
        Assert.Contains("(model, people affected)", changed.Reason, StringComparison.Ordinal);
        Assert.Equal(AssessmentCurrency.Due, late.Currency);
        Assert.Contains("was due for review on 2026-11-27", late.Reason, StringComparison.Ordinal);
        Assert.Equal(AssessmentCurrency.Missing, none.Currency);
    }
}
