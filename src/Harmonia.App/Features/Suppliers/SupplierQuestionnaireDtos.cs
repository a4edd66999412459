using System.Text.Json;
using Harmonia.Domain.Suppliers;

namespace Harmonia.App.Features.Suppliers;

/// <param name="Shipped">Written by us in content/; false for the organization's own.</param>
public sealed record QuestionnaireTemplateDto(string Key, string Title, string Purpose, bool Ai, bool Shipped, IReadOnlyList<QuestionnaireQuestion> Questions);

/// <param name="Template">A template key (security-baseline, ai-supplier or one of the organization's own).</param>
/// <param name="SendTo">The supplier contact's e-mail; the first contact with an address when empty.</param>
/// <param name="ValidForDays">1 to 90; 30 when empty.</param>
public sealed record SendQuestionnaireInput(string? Template, string? SendTo, int? ValidForDays);

/// <summary>A reviewer's step. Action: mark (marks and/or a comment), clarify (asks the supplier for more; needs a comment), accept.</summary>
public sealed record QuestionnaireReviewInput(string? Action, IReadOnlyList<AnswerMarkInput>? Marks, string? Comment);

/// <param name="Result">pass or fail.</param>
public sealed record AnswerMarkInput(string? Question, string? Result, string? Comment);

/// <param name="Kind">comment, clarification, accepted or revoked.</param>
public sealed record QuestionnaireComment(DateTime AtUtc, string By, string Kind, string Text);

/// <summary>One answer as the reviewer sees it: the question, the answer, and whether it passes (null: waiting for a mark).</summary>
public sealed record QuestionnaireAnswerView(string Key, string Text, string Type, IReadOnlyList<string> Requirements, string? Answer, string? FileName, string? Sha256, long? SizeBytes, bool? Passes, bool MarkedByReviewer, string? Comment);

/// <param name="Status">sent, submitted, clarification-requested, accepted, revoked or expired.</param>
/// <param name="Link">The link to give the supplier: only in the answer to sending, never again.</param>
public sealed record SupplierQuestionnaireDto(
    Guid Id,
    Guid SupplierId,
    string SupplierKey,
    string TemplateKey,
    string Title,
    bool Ai,
    string SentTo,
    string SentBy,
    DateTime SentUtc,
    DateTime ExpiresUtc,
    string Status,
    int AnswerVersions,
    DateTime? SubmittedUtc,
    int Score,
    DateOnly? AcceptedOn,
    string? AcceptedBy,
    IReadOnlyList<QuestionnaireAnswerView> Answers,
    IReadOnlyList<QuestionnaireComment> Comments,
    IReadOnlyList<string> RequirementsPassed,
    IReadOnlyList<string> RequirementsFailed,
    int Version,
    string? Link = null);

/// <summary>One save of the answers as kept: number, draft or submission, when, and the SHA-256 of what was saved.</summary>
public sealed record SupplierAnswerVersionDto(int Number, bool Submitted, DateTime SavedUtc, string Sha256);

/// <summary>How questionnaires are read and shown; Label and the status words are used by the pages too.</summary>
public static class SupplierQuestionnaires
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    internal static string Write(QuestionnaireTemplate template) => JsonSerializer.Serialize(template, Options);

    internal static QuestionnaireTemplate Template(SupplierQuestionnaireRecord record) =>
        JsonSerializer.Deserialize<QuestionnaireTemplate>(record.TemplateJson, Options) ?? throw new InvalidOperationException("A questionnaire without its template.");

    internal static QuestionnaireScore Score(SupplierQuestionnaireRecord record) =>
        QuestionnaireScoring.Score(Template(record), SupplierJson.Read<QuestionnaireAnswer>(record.AnswersJson), SupplierJson.Read<AnswerMark>(record.MarksJson));

    public static string StatusAt(SupplierQuestionnaireRecord record, DateTime now) =>
        record.Status is QuestionnaireStatus.Sent or QuestionnaireStatus.ClarificationRequested && record.ExpiresUtc <= now ? "expired" : Token(record.Status);

    public static string Token(QuestionnaireStatus status) => status switch
    {
        QuestionnaireStatus.ClarificationRequested => "clarification-requested",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Label(string status) => status switch
    {
        "sent" => "Sent, waiting for answers",
        "submitted" => "Answers submitted, to review",
        "clarification-requested" => "Clarification requested",
        "accepted" => "Accepted",
        "revoked" => "Withdrawn",
        _ => "Link expired",
    };

    public static SupplierQuestionnaireDto Dto(SupplierQuestionnaireRecord record, string supplierKey, DateTime now, string? link = null)
    {
        var template = Template(record);
        var score = Score(record);
        var marks = SupplierJson.Read<AnswerMark>(record.MarksJson);
        var accepted = record.Status == QuestionnaireStatus.Accepted;
        return new SupplierQuestionnaireDto(
            record.Id, record.SupplierId, supplierKey, record.TemplateKey, record.Title, template.Ai, record.SentTo, record.SentBy, record.SentUtc, record.ExpiresUtc,
            StatusAt(record, now), record.AnswerVersions, record.SubmittedUtc, score.Score, record.AcceptedOn, record.AcceptedBy,
            score.Answers.Select(a => new QuestionnaireAnswerView(
                a.Question.Key, a.Question.Text, TypeLabel(a.Question.Type), a.Question.Requirements, AnswerText(a.Question, a.Answer), a.Answer?.FileName, a.Answer?.Sha256, a.Answer?.SizeBytes,
                a.Passes, a.ByReviewer, marks.LastOrDefault(m => m.QuestionKey == a.Question.Key)?.Comment)).ToArray(),
            SupplierJson.Read<QuestionnaireComment>(record.CommentsJson),
            accepted ? score.RequirementsPassed : [],
            accepted ? score.RequirementsFailed : [],
            record.Version,
            link);
    }

    public static string TypeLabel(QuestionType type) => type switch
    {
        QuestionType.YesNo => "yes or no",
        QuestionType.Choice => "choice",
        QuestionType.Text => "text",
        _ => "document",
    };

    /// <summary>The answer in words: a choice by its label, not its key.</summary>
    public static string? AnswerText(QuestionnaireQuestion question, QuestionnaireAnswer? answer) =>
        answer?.Value is not { Length: > 0 } value ? null
        : question.Type == QuestionType.Choice ? question.Options.FirstOrDefault(o => o.Key == value)?.Label ?? value
        : question.Type == QuestionType.YesNo ? (value == "yes" ? "Yes" : "No")
        : value;

    /// <summary>What the gap credits read: the accepted questionnaires, with what their answers passed and failed.</summary>
    internal static AcceptedQuestionnaire? Accepted(SupplierQuestionnaireRecord record)
    {
        if (record.Status != QuestionnaireStatus.Accepted || record.AcceptedOn is not { } on)
        {
            return null;
        }

        var score = Score(record);
        return new AcceptedQuestionnaire(record.Title, on, score.RequirementsPassed, score.RequirementsFailed);
    }
}
