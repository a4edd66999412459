using System.Security.Cryptography;
using System.Text;
using Harmonia.App.Features.Suppliers;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Organizations;

/// <summary>
/// Accepted questionnaires of the organization file become accepted questionnaire records with one submitted answer
/// version, hashed like any other. Matching is by supplier, template and acceptance date, so importing the same file
/// twice adds nothing; records the file does not name stay (answers are due-diligence records and are never dropped by an
/// import). Their link is dead from the start: a fresh secret is hashed and thrown away.
/// </summary>
internal static class ImportedQuestionnaires
{
    public static async Task AddMissingAsync(HarmoniaDbContext db, OrganizationFile file, IReadOnlyDictionary<string, SupplierRecord> suppliers, CancellationToken cancellationToken)
    {
        var ids = suppliers.Values.Select(s => s.Id).ToArray();
        var present = (await db.SupplierQuestionnaires.AsNoTracking().Where(q => ids.Contains(q.SupplierId) && q.Status == QuestionnaireStatus.Accepted)
            .Select(q => new { q.SupplierId, q.TemplateKey, q.AcceptedOn }).ToListAsync(cancellationToken))
            .Select(q => (q.SupplierId, q.TemplateKey, q.AcceptedOn)).ToHashSet();
        foreach (var entry in file.Suppliers)
        {
            var supplier = suppliers[entry.Id];
            foreach (var q in entry.Questionnaires.Where(q => !present.Contains((supplier.Id, q.Template.Key, (DateOnly?)q.AcceptedOn))))
            {
                var sent = q.SentOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var answers = SupplierJson.Write(q.Answers);
                var record = new SupplierQuestionnaireRecord
                {
                    Id = Guid.CreateVersion7(),
                    SupplierId = supplier.Id,
                    TemplateKey = q.Template.Key,
                    Title = q.Template.Title,
                    TemplateJson = SupplierQuestionnaires.Write(q.Template),
                    SentTo = q.SentTo,
                    SentBy = q.AcceptedBy,
                    SentUtc = sent,
                    ExpiresUtc = sent,
                    TokenHash = QuestionnaireLinkFormat.Hash(QuestionnaireLinkFormat.NewToken()),
                    Status = QuestionnaireStatus.Accepted,
                    AnswersJson = answers,
                    MarksJson = SupplierJson.Write(q.Marks),
                    AnswerVersions = 1,
                    SubmittedUtc = (q.SubmittedOn ?? q.AcceptedOn).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                    Score = Harmonia.Domain.Suppliers.QuestionnaireScoring.Score(q.Template, q.Answers, q.Marks).Score,
                    AcceptedOn = q.AcceptedOn,
                    AcceptedBy = q.AcceptedBy,
                };
                db.SupplierQuestionnaires.Add(record);
                db.SupplierAnswerVersions.Add(new SupplierAnswerVersionRecord
                {
                    Id = Guid.CreateVersion7(),
                    QuestionnaireId = record.Id,
                    Number = 1,
                    Submitted = true,
                    AnswersJson = answers,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(answers))),
                    SavedUtc = record.SubmittedUtc.Value,
                });
            }
        }
    }
}
