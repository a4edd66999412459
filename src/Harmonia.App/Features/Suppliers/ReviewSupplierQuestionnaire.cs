using Harmonia.App.Common;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Persistence;
using Harmonia.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Suppliers;

/// <summary>
/// A reviewer's step on submitted answers: mark answers pass or fail and comment, ask the supplier to clarify (the link
/// opens for answers again), or accept. Accepting needs every answer marked; a failed answer of an AI questionnaire
/// opens a risk suggestion against each AI system the supplier serves, as failed AI evidence does. Revoking kills the link.
/// </summary>
public sealed class ReviewSupplierQuestionnaireHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time)
{
    public async Task<SupplierQuestionnaireDto> HandleAsync(Guid questionnaireId, QuestionnaireReviewInput input, CancellationToken cancellationToken = default)
    {
        var record = await db.SupplierQuestionnaires.SingleOrDefaultAsync(q => q.Id == questionnaireId, cancellationToken) ?? throw new NotFoundException("questionnaire");
        var now = time.GetUtcNow().UtcDateTime;
        var template = SupplierQuestionnaires.Template(record);
        var action = input.Action?.Trim().ToLowerInvariant();
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (action is not ("mark" or "clarify" or "accept"))
        {
            errors["action"] = ["action is one of: mark, clarify, accept."];
        }

        if (comment is { Length: > 4000 })
        {
            errors["comment"] = ["A comment may have 4000 characters."];
        }

        var marks = SupplierJson.Read<AnswerMark>(record.MarksJson).ToList();
        foreach (var mark in input.Marks ?? [])
        {
            var question = template.Questions.FirstOrDefault(q => q.Key == mark.Question?.Trim());
            var result = mark.Result?.Trim().ToLowerInvariant();
            if (question is null || result is not ("pass" or "fail") || mark.Comment is { Length: > 2000 })
            {
                errors["marks"] = [$"Each mark names a question of this questionnaire ({string.Join(", ", template.Questions.Select(q => q.Key))}), a result pass or fail, and a comment of up to 2000 characters."];
                break;
            }

            marks.RemoveAll(m => m.QuestionKey == question.Key);
            marks.Add(new AnswerMark(question.Key, result == "pass", string.IsNullOrWhiteSpace(mark.Comment) ? null : mark.Comment.Trim()));
        }

        if (record.Status != QuestionnaireStatus.Submitted)
        {
            errors["status"] = [$"Only submitted answers are reviewed; this questionnaire is: {SupplierQuestionnaires.Label(SupplierQuestionnaires.StatusAt(record, now)).ToLowerInvariant()}."];
        }

        if (action == "clarify" && comment is null)
        {
            errors["comment"] = ["Say what the supplier should clarify."];
        }

        var score = QuestionnaireScoring.Score(template, SupplierJson.Read<QuestionnaireAnswer>(record.AnswersJson), marks);
        if (action == "accept" && score.Unmarked.Count > 0)
        {
            errors["marks"] = ["Mark every text and document answer before accepting: " + string.Join(", ", score.Unmarked.Select(a => a.Question.Key)) + "."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        record.MarksJson = SupplierJson.Write(marks);
        var comments = SupplierJson.Read<QuestionnaireComment>(record.CommentsJson).ToList();
        switch (action)
        {
            case "clarify":
                comments.Add(new QuestionnaireComment(now, actor.Name, "clarification", comment!));
                record.Status = QuestionnaireStatus.ClarificationRequested;

                // The supplier needs time to answer: a link about to expire is extended to a week from now.
                record.ExpiresUtc = record.ExpiresUtc < now.AddDays(7) ? now.AddDays(7) : record.ExpiresUtc;
                break;
            case "accept":
                comments.Add(new QuestionnaireComment(now, actor.Name, "accepted", comment ?? $"Accepted with a score of {score.Score}."));
                record.Status = QuestionnaireStatus.Accepted;
                record.AcceptedOn = DateOnly.FromDateTime(now);
                record.AcceptedBy = actor.Name;
                if (template.Ai)
                {
                    await SuggestRisksAsync(record, score, now, cancellationToken);
                }

                break;
            default:
                if (comment is not null)
                {
                    comments.Add(new QuestionnaireComment(now, actor.Name, "comment", comment));
                }

                break;
        }

        record.CommentsJson = SupplierJson.Write(comments);
        record.Score = score.Score;
        record.Version++;
        await db.SaveChangesAsync(cancellationToken);
        var key = await db.Suppliers.Where(s => s.Id == record.SupplierId).Select(s => s.Key).SingleAsync(cancellationToken);
        return SupplierQuestionnaires.Dto(record, key, now);
    }

    /// <summary>Kills the link at once; answers already given stay on record.</summary>
    public async Task<SupplierQuestionnaireDto> RevokeAsync(Guid questionnaireId, CancellationToken cancellationToken = default)
    {
        var record = await db.SupplierQuestionnaires.SingleOrDefaultAsync(q => q.Id == questionnaireId, cancellationToken) ?? throw new NotFoundException("questionnaire");
        var now = time.GetUtcNow().UtcDateTime;
        if (record.Status is QuestionnaireStatus.Accepted or QuestionnaireStatus.Revoked)
        {
            throw new InvalidInputException($"The questionnaire is already {SupplierQuestionnaires.Label(SupplierQuestionnaires.StatusAt(record, now)).ToLowerInvariant()}; there is no open link to withdraw.");
        }

        record.Status = QuestionnaireStatus.Revoked;
        record.CommentsJson = SupplierJson.Write<QuestionnaireComment>([.. SupplierJson.Read<QuestionnaireComment>(record.CommentsJson), new QuestionnaireComment(now, actor.Name, "revoked", "Link withdrawn.")]);
        record.Version++;
        await db.SaveChangesAsync(cancellationToken);
        var key = await db.Suppliers.Where(s => s.Id == record.SupplierId).Select(s => s.Key).SingleAsync(cancellationToken);
        return SupplierQuestionnaires.Dto(record, key, now);
    }

    /// <summary>
    /// A failed answer of an AI questionnaire is a risk the organization carries through the AI systems the supplier
    /// serves; like failed AI evidence it becomes a suggestion a person accepts into the register or dismisses.
    /// </summary>
    private async Task SuggestRisksAsync(SupplierQuestionnaireRecord record, QuestionnaireScore score, DateTime now, CancellationToken cancellationToken)
    {
        if (score.Failed.Count == 0)
        {
            return;
        }

        var supplier = await db.Suppliers.AsNoTracking().Include(s => s.AiSystemLinks).SingleAsync(s => s.Id == record.SupplierId, cancellationToken);
        foreach (var link in supplier.AiSystemLinks)
        {
            foreach (var failed in score.Failed)
            {
                var detail = $"{supplier.Key} {supplier.Name} answered \"{failed.Question.Text}\" with: {SupplierQuestionnaires.AnswerText(failed.Question, failed.Answer) ?? (failed.Answer?.FileName ?? "no answer")}. " +
                    $"Reviewed in the {record.Title} accepted {record.AcceptedOn:yyyy-MM-dd}; it bears on {string.Join(", ", failed.Question.Requirements)}.";
                db.RiskSuggestions.Add(new RiskSuggestionRecord
                {
                    AiSystemId = link.AiSystemId,
                    SupplierQuestionnaireId = record.Id,
                    Title = Truncate($"Supplier {supplier.Name}: {failed.Question.Text}", 300),
                    Category = "accountability",
                    Detail = Truncate(detail, 2000),
                    Status = "open",
                    CreatedUtc = now,
                });
            }
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
