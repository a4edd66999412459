using Harmonia.Domain.Gaps;
using Harmonia.Domain.Suppliers;

namespace Harmonia.Domain.Tests.Suppliers;

public sealed class QuestionnaireScoringTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly SupplierTier Critical = new("critical", "Critical", string.Empty, 12);

    private static readonly QuestionnaireTemplate Template = new("ai", "AI supplier questionnaire", "Purpose", true,
    [
        new("rights", "Rights to the training data?", QuestionType.YesNo, 3, true, "yes", [], ["iso42001-2023:A.10.3"]),
        new("training", "Customer data used for training?", QuestionType.Choice, 3, true, null,
            [new("never", "Never", true), new("always", "Yes", false)], ["iso42001-2023:A.10.2", "iso42001-2023:A.10.3"]),
        new("provenance", "Where does the data come from?", QuestionType.Text, 2, true, null, [], ["iso42001-2023:A.7.5"]),
        new("card", "Model card", QuestionType.File, 2, false, null, [], ["iso27001-2022:A.5.19"]),
    ]);

    [Fact]
    public void Yes_no_and_choice_answers_mark_themselves_text_and_files_wait_for_the_reviewer_and_the_reviewer_wins()
    {
        var answers = new QuestionnaireAnswer[] { new("rights", "yes"), new("training", "always"), new("provenance", "Licensed corpora") };

        var score = QuestionnaireScoring.Score(Template, answers, []);
        Assert.Equal([true, false, null, false], score.Answers.Select(a => a.Passes).ToArray());
        Assert.Equal(["provenance"], score.Unmarked.Select(a => a.Question.Key).ToArray());
        Assert.Equal(30, score.Score);

        // The reviewer passes the text and overrules the choice; the unanswered document still fails.
        score = QuestionnaireScoring.Score(Template, answers, [new("provenance", true, null), new("training", true, "Opt-out confirmed in the DPA.")]);
        Assert.Equal(80, score.Score);
        Assert.Equal(["iso42001-2023:A.10.3", "iso42001-2023:A.10.2", "iso42001-2023:A.7.5"], score.RequirementsPassed);
        Assert.Equal(["iso27001-2022:A.5.19"], score.RequirementsFailed);
    }

    [Fact]
    public void A_wrong_answer_is_refused_in_words()
    {
        Assert.Equal("answer yes or no", QuestionnaireScoring.Refusal(Template.Questions[0], new("rights", "maybe")));
        Assert.Equal("choose one of: Never, Yes", QuestionnaireScoring.Refusal(Template.Questions[1], new("training", "sometimes")));
        Assert.Null(QuestionnaireScoring.Refusal(Template.Questions[1], new("training", "never")));
    }

    private static SupplierFacts Lumen(DateOnly? reviewed, params AcceptedQuestionnaire[] questionnaires) =>
        new("SUP-5", "Lumen", SupplierKind.ModelProvider, SupplierStatus.Active, Critical, [],
            [new("API terms", new(2026, 1, 1), null, null, Enum.GetValues<ContractClause>())],
            reviewed is { } on ? [new(on, "CISO", ReviewOutcome.Satisfactory, null)] : [], true, questionnaires);

    [Fact]
    public void A_current_accepted_questionnaire_is_the_review_of_the_controls_its_answers_passed_and_only_those()
    {
        var accepted = new AcceptedQuestionnaire("AI supplier questionnaire", new(2026, 11, 30), ["iso42001-2023:A.10.3", "iso27001-2022:A.5.19"], []);
        var credits = SupplierControlNeeds.Credits([Lumen(null, accepted)], Today).ToDictionary(c => c.RequirementId);

        Assert.Equal(RequirementResult.Satisfied, credits["iso42001-2023:A.10.3"].Result);
        Assert.Contains("reviewed SUP-5 by the AI supplier questionnaire accepted 2026-11-30", credits["iso42001-2023:A.10.3"].Reason, StringComparison.Ordinal);
        Assert.Equal(RequirementResult.Satisfied, credits["iso27001-2022:A.5.19"].Result);
        Assert.Equal(RequirementResult.PartiallySatisfied, credits["iso42001-2023:A.10.2"].Result);
        Assert.Contains("SUP-5 Lumen (never reviewed)", credits["iso42001-2023:A.10.2"].Reason, StringComparison.Ordinal);

        // Past the tier's cadence it no longer counts.
        var old = accepted with { AcceptedOn = new(2025, 11, 1) };
        Assert.Contains("never reviewed", SupplierControlNeeds.Credits([Lumen(null, old)], Today).Single(c => c.RequirementId == "iso42001-2023:A.10.3").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_answers_for_a_control_outweigh_a_satisfactory_review_of_it()
    {
        var failed = new AcceptedQuestionnaire("AI supplier questionnaire", new(2026, 11, 30), ["iso27001-2022:A.5.19"], ["iso42001-2023:A.10.3"]);
        var credits = SupplierControlNeeds.Credits([Lumen(new(2026, 10, 1), failed)], Today).ToDictionary(c => c.RequirementId);

        Assert.Equal(RequirementResult.PartiallySatisfied, credits["iso42001-2023:A.10.3"].Result);
        Assert.Contains("SUP-5 Lumen (answers to the AI supplier questionnaire accepted 2026-11-30 fail this control)", credits["iso42001-2023:A.10.3"].Reason, StringComparison.Ordinal);
        Assert.Equal(RequirementResult.Satisfied, credits["iso27001-2022:A.5.19"].Result);
        Assert.DoesNotContain("questionnaire", credits["iso27001-2022:A.5.19"].Reason, StringComparison.Ordinal);
    }
}
