using System.Security.Cryptography;
using System.Text;
using Harmonia.App.Common;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Persistence;
using Harmonia.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Suppliers;

/// <summary>
/// What the supplier sees through its link, and nothing more: whose questionnaire it is, the questions, its own answers
/// and the reviewer's requests for clarification. No ids, no other record of the organization.
/// </summary>
/// <param name="Open">Whether answers may be saved now (sent or clarification requested, not expired).</param>
public sealed record SupplierQuestionnaireLinkView(
    string OrganizationName,
    string SupplierName,
    string Title,
    string Purpose,
    DateTime ExpiresUtc,
    bool Open,
    string Status,
    IReadOnlyList<QuestionnaireQuestion> Questions,
    IReadOnlyList<QuestionnaireAnswer> Answers,
    IReadOnlyList<string> Clarifications,
    int SavedVersions);

/// <param name="View">Null when the link is unknown, withdrawn or expired.</param>
/// <param name="Refusal">Why the link cannot be used (null while it can).</param>
public sealed record SupplierQuestionnaireLink(SupplierQuestionnaireLinkView? View, string? Refusal);

/// <summary>The supplier's save: answers by question key, files by question key, and whether this is the submission.</summary>
public sealed record SupplierAnswersInput(IReadOnlyDictionary<string, string?> Answers, IReadOnlyDictionary<string, EvidenceUpload> Files, bool Submit);

/// <summary>
/// The supplier's side of a questionnaire, reached only through the link's secret: it finds the one questionnaire
/// whose stored hash matches, enters that organization and touches no other row. Every save is a new version of the
/// answers with its SHA-256; attached files go to the evidence file store, content-addressed.
/// </summary>
public sealed class AnswerSupplierQuestionnaireHandler(HarmoniaDbContext db, TenantScope tenant, AuditActor actor, IEvidenceStore store, TimeProvider time)
{
    public const string UnknownLink = "This questionnaire link is not valid. Check that the whole link was copied, or ask your contact at the organization for a new one.";

    public const string Withdrawn = "This questionnaire was withdrawn by the organization that sent it. Ask your contact there if you still need to answer.";

    public const string Expired = "This questionnaire link has expired. Ask your contact at the organization to send a new one; answers already saved are kept.";

    public const int MaxFiles = 20;

    public async Task<SupplierQuestionnaireLink> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        var record = await FindAsync(token, cancellationToken);
        if (record is null)
        {
            return new SupplierQuestionnaireLink(null, UnknownLink);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (Refusal(record, now) is { } refusal)
        {
            return new SupplierQuestionnaireLink(null, refusal);
        }

        return new SupplierQuestionnaireLink(await ViewAsync(record, now, cancellationToken), null);
    }

    /// <summary>Saves a draft or submits. Throws InvalidInputException (nothing saved) for a dead link, a closed questionnaire or wrong answers.</summary>
    public async Task<SupplierQuestionnaireLinkView> SaveAsync(string? token, SupplierAnswersInput input, CancellationToken cancellationToken = default)
    {
        var record = await FindAsync(token, cancellationToken) ?? throw new InvalidInputException(UnknownLink);
        var now = time.GetUtcNow().UtcDateTime;
        if (Refusal(record, now) is { } refusal)
        {
            throw new InvalidInputException(refusal);
        }

        if (record.Status is not (QuestionnaireStatus.Sent or QuestionnaireStatus.ClarificationRequested))
        {
            throw new InvalidInputException("Your answers were submitted and are being reviewed; they can be changed again only if the reviewer asks for clarification.");
        }

        tenant.Enter(record.OrganizationId);
        actor.Name = $"supplier:{record.SentTo} (questionnaire link)";
        var template = SupplierQuestionnaires.Template(record);
        var previous = SupplierJson.Read<QuestionnaireAnswer>(record.AnswersJson);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input.Answers.Keys.Concat(input.Files.Keys).FirstOrDefault(k => template.Questions.All(q => q.Key != k)) is { } stranger)
        {
            errors[stranger] = ["This questionnaire has no such question."];
        }

        if (input.Files.Count > MaxFiles)
        {
            errors["files"] = [$"Attach at most {MaxFiles} files at a time."];
        }

        var answers = new List<QuestionnaireAnswer>();
        foreach (var question in template.Questions)
        {
            var earlier = previous.FirstOrDefault(a => a.QuestionKey == question.Key);
            QuestionnaireAnswer? answer = earlier;
            if (question.Type == QuestionType.File)
            {
                if (input.Files.TryGetValue(question.Key, out var upload) && errors.Count == 0)
                {
                    try
                    {
                        var stored = await store.SaveAsync(upload.Content, upload.FileName, upload.ExpectedSha256, cancellationToken);
                        answer = new QuestionnaireAnswer(question.Key, input.Answers.GetValueOrDefault(question.Key)?.Trim(), stored.FileName, stored.Sha256, stored.SizeBytes);
                    }
                    catch (Exception e) when (e is InvalidInputException or EvidenceTooLargeException)
                    {
                        errors[question.Key] = [e.Message];
                    }
                }
                else if (input.Answers.TryGetValue(question.Key, out var note))
                {
                    answer = (earlier ?? new QuestionnaireAnswer(question.Key, null)) with { Value = string.IsNullOrWhiteSpace(note) ? null : note.Trim() };
                }
            }
            else if (input.Answers.TryGetValue(question.Key, out var value))
            {
                answer = new QuestionnaireAnswer(question.Key, string.IsNullOrWhiteSpace(value) ? null : value.Trim());
                if (QuestionnaireScoring.Refusal(question, answer) is { } wrong)
                {
                    errors[question.Key] = [$"{question.Text} — {wrong}."];
                }
            }

            if (answer is { Value: { Length: > 4000 } })
            {
                errors[question.Key] = [$"{question.Text} — at most 4000 characters."];
            }

            if (answer is not null && (answer.Value is not null || answer.Sha256 is not null))
            {
                answers.Add(answer);
            }
        }

        if (input.Submit)
        {
            foreach (var missing in template.Questions.Where(q => q.Required && answers.All(a => a.QuestionKey != q.Key)))
            {
                errors.TryAdd(missing.Key, [$"{missing.Text} — an answer is needed before you submit."]);
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var json = SupplierJson.Write(answers);
        record.AnswersJson = json;
        record.AnswerVersions++;
        db.SupplierAnswerVersions.Add(new SupplierAnswerVersionRecord
        {
            QuestionnaireId = record.Id,
            Number = record.AnswerVersions,
            Submitted = input.Submit,
            AnswersJson = json,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
            SavedUtc = now,
        });
        if (input.Submit)
        {
            record.Status = QuestionnaireStatus.Submitted;
            record.SubmittedUtc = now;
        }

        record.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(record, now, cancellationToken);
    }

    private async Task<SupplierQuestionnaireRecord?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (!QuestionnaireLinkFormat.LooksValid(token))
        {
            return null;
        }

        var hash = QuestionnaireLinkFormat.Hash(token!);
        return await db.SupplierQuestionnaires.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).SingleOrDefaultAsync(q => q.TokenHash == hash, cancellationToken);
    }

    private static string? Refusal(SupplierQuestionnaireRecord record, DateTime now) => record.Status switch
    {
        QuestionnaireStatus.Revoked => Withdrawn,
        QuestionnaireStatus.Sent or QuestionnaireStatus.ClarificationRequested when record.ExpiresUtc <= now => Expired,
        _ => null,
    };

    private async Task<SupplierQuestionnaireLinkView> ViewAsync(SupplierQuestionnaireRecord record, DateTime now, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.Where(o => o.Id == record.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var supplier = await db.Suppliers.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter])
            .Where(s => s.Id == record.SupplierId && s.OrganizationId == record.OrganizationId).Select(s => s.Name).SingleAsync(cancellationToken);
        var template = SupplierQuestionnaires.Template(record);
        var open = record.Status is QuestionnaireStatus.Sent or QuestionnaireStatus.ClarificationRequested && record.ExpiresUtc > now;
        return new SupplierQuestionnaireLinkView(
            organization, supplier, template.Title, template.Purpose, record.ExpiresUtc, open, SupplierQuestionnaires.Label(SupplierQuestionnaires.StatusAt(record, now)),
            template.Questions, SupplierJson.Read<QuestionnaireAnswer>(record.AnswersJson),
            SupplierJson.Read<QuestionnaireComment>(record.CommentsJson).Where(c => c.Kind == "clarification").Select(c => c.Text).ToArray(),
            record.AnswerVersions);
    }
}
