using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

/// <param name="StatementIds">The statements to rewrite; when empty, the document's plain paragraphs (at most 20).</param>
public sealed record TailorDocumentRequest(Guid OrganizationId, Guid DocumentId, IReadOnlyList<string>? StatementIds);

public sealed record TailoringProposalDto(Guid Id, string StatementId, string Original, string? Proposed, string Status, string? Refusal, string RequestedBy, DateTime CreatedUtc, string? DecidedBy)
{
    public static TailoringProposalDto From(TailoringProposalRecord t) => new(t.Id, t.StatementId, t.Original, t.Proposed, t.Status, t.Refusal, t.RequestedBy, t.CreatedUtc, t.DecidedBy);
}

/// <summary>
/// Asks the configured model to rewrite chosen statements of a document and records each answer as a proposal:
/// pending when it passed the guardrails, refused (with the reason) when it did not. Nothing reaches a document
/// until a person approves a proposal.
/// </summary>
public sealed class TailorDocumentHandler(HarmoniaDbContext db, LoadedContent content, DocumentBuilder builder, GetAnswersHandler answers, TailoringSettings settings, AuditActor actor, TimeProvider time)
{
    private const int MaxStatements = 20;

    /// <summary>Throws NotFoundException when the organization has no such document.</summary>
    public async Task<IReadOnlyList<TailoringProposalDto>> HandleAsync(TailorDocumentRequest request, CancellationToken cancellationToken = default)
    {
        if (settings.CreateClient() is not { } client)
        {
            throw new InvalidInputException("Tailoring is off: configure Tailoring:Endpoint, Tailoring:Model (and Tailoring:ApiKey) for an OpenAI-compatible endpoint.");
        }

        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DocumentId, cancellationToken);
        if (document is null || content.Documents.Find(document.TemplateId) is not { } template)
        {
            throw new NotFoundException("document");
        }

        var set = await answers.HandleAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rendered = await builder.RenderAsync(request.OrganizationId, template, set.Answers, DocumentControl.Draft(today, 12), cancellationToken);
        var all = rendered.Model.Statements.ToArray();
        var chosen = request.StatementIds is { Count: > 0 } ids
            ? ids.Select(id => all.FirstOrDefault(s => s.Id == id) ?? throw new InvalidInputException($"The document has no statement '{id}'.")).ToArray()
            : all.Where(s => s.Style == StatementStyle.Paragraph && s.Table is null).Take(MaxStatements).ToArray();
        if (chosen.Length is 0 or > MaxStatements)
        {
            throw new InvalidInputException($"Choose 1 to {MaxStatements} statements to tailor.");
        }

        var organization = await builder.OrganizationAsync(request.OrganizationId, cancellationToken);
        var merged = set.Answers.Over(OrganizationAnswers.From(organization));
        var context = string.Join(", ", new[] { organization.Profile.Name, organization.Profile.Sector, organization.Profile.Employees is { } n ? $"{n} people" : null }.OfType<string>());
        var outcome = await new StatementTailor(client).TailorAsync(context, chosen.Select(s => new StatementToTailor(s.Id, s.Text)).ToArray(), ProtectedTerms(merged, organization), cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var records = outcome.Statements.Select(s => new TailoringProposalRecord
        {
            DocumentId = document.Id,
            StatementId = s.Id,
            Original = s.Original,
            Proposed = s.Proposed,
            Status = s.Proposed is null ? TailoringStatuses.Refused : TailoringStatuses.Pending,
            Refusal = s.Refusal is { Length: > 1000 } refusal ? refusal[..1000] : s.Refusal,
            RequestedBy = actor.Name,
            CreatedUtc = now,
        }).ToArray();
        db.TailoringProposals.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
        return records.Select(TailoringProposalDto.From).ToArray();
    }

    /// <summary>Names a rewrite must keep: the organization's, every person or role answered, every AI system.</summary>
    private static string[] ProtectedTerms(Answers answers, Features.Organizations.OrganizationFile organization) =>
        answers.Values.Where(v => v.Key.StartsWith("roles.", StringComparison.Ordinal) || v.Key is "org.short_name" or "org.name")
            .Select(v => DocumentRenderer.Clean(Answers.Display(v.Value)))
            .Concat(organization.AiSystems.Select(s => s.Name))
            .Where(t => t.Length > 1)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}
