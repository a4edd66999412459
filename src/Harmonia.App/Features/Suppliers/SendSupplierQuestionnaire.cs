using System.Buffers.Text;
using System.Security.Cryptography;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Suppliers;

/// <summary>"hq_" + 32 random bytes (256 bits): the secret in a questionnaire link, stored only as its SHA-256.</summary>
public static class QuestionnaireLinkFormat
{
    public const string Prefix = "hq_";

    public static string NewToken() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static bool LooksValid(string? token) => token is { Length: > 3 and <= 100 } && token.StartsWith(Prefix, StringComparison.Ordinal);

    public static string Hash(string token) => AccessTokenFormat.Hash(token);
}

/// <summary>
/// Sends a questionnaire to a supplier's contact: a copy of the template and a link that needs no account. The link's
/// secret is returned once, for the sender to pass on (no e-mail is sent), and only its hash is kept.
/// </summary>
public sealed class SendSupplierQuestionnaireHandler(HarmoniaDbContext db, SupplierQuestionnaireTemplatesHandler templates, AuditActor actor, TimeProvider time)
{
    public const int DefaultDays = 30;

    /// <returns>The questionnaire and the link's secret.</returns>
    public async Task<(SupplierQuestionnaireDto Questionnaire, string Token)> HandleAsync(Guid supplierId, SendQuestionnaireInput input, CancellationToken cancellationToken = default)
    {
        var supplier = await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == supplierId, cancellationToken) ?? throw new NotFoundException("supplier");
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var sendTo = string.IsNullOrWhiteSpace(input.SendTo)
            ? SupplierJson.Read<SupplierContact>(supplier.ContactsJson).Select(c => c.Email).FirstOrDefault(e => !string.IsNullOrWhiteSpace(e))
            : input.SendTo.Trim();
        if (sendTo is null || sendTo.Length > 256 || !sendTo.Contains('@', StringComparison.Ordinal))
        {
            errors["sendTo"] = ["Give the e-mail address of the supplier's contact who will answer (the supplier has no contact with an address)."];
        }

        if (input.ValidForDays is < 1 or > 90)
        {
            errors["validForDays"] = ["The link stays open 1 to 90 days."];
        }

        if (supplier.Status == SupplierStatus.Ended)
        {
            errors["supplier"] = ["The relationship with this supplier has ended; questionnaires go to proposed, active and offboarding suppliers."];
        }

        QuestionnaireTemplate? template = null;
        try
        {
            template = await templates.FindAsync(input.Template, cancellationToken);
        }
        catch (InvalidInputException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                errors[field] = messages;
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var token = QuestionnaireLinkFormat.NewToken();
        var record = new SupplierQuestionnaireRecord
        {
            SupplierId = supplier.Id,
            TemplateKey = template!.Key,
            Title = template.Title,
            TemplateJson = SupplierQuestionnaires.Write(template),
            SentTo = sendTo!,
            SentBy = actor.Name,
            SentUtc = now,
            ExpiresUtc = now.AddDays(input.ValidForDays ?? DefaultDays),
            TokenHash = QuestionnaireLinkFormat.Hash(token),
            Status = QuestionnaireStatus.Sent,
        };
        db.SupplierQuestionnaires.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return (SupplierQuestionnaires.Dto(record, supplier.Key, now), token);
    }
}
