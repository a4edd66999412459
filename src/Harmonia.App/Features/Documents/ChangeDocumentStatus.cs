using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Consistency;
using Harmonia.App.Persistence;
using Harmonia.App.Rendering;
using Harmonia.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

public enum DocumentAction
{
    /// <summary>Draft to in review; may reclass the change as material or minor.</summary>
    Submit,

    /// <summary>In review to approved, by someone other than the author.</summary>
    Approve,

    /// <summary>In review back to draft.</summary>
    Reject,

    /// <summary>Approved to published: immutable, hashed, files rendered and kept; the previous published revision retires.</summary>
    Publish,

    /// <summary>Published to retired.</summary>
    Retire,
}

/// <param name="Change">material or minor, with Submit only.</param>
public sealed record DocumentTransition(Guid DocumentId, DocumentAction Action, string? Change = null);

/// <summary>
/// Document control (7.5 of both standards): draft -> in review -> approved -> published -> retired. The approver
/// must differ from the author; a revision with missing required answers cannot be published; a published revision
/// never changes again (its text hash and its DOCX and PDF are kept), it can only be retired. Every transition is
/// a change of the revision row, so it lands in the audit trail with who and when.
/// </summary>
public sealed class ChangeDocumentStatusHandler(HarmoniaDbContext db, LoadedContent content, DocumentBuilder builder, IEvidenceStore store, AuditActor actor, TimeProvider time, Organizations.SignedInPerson person, ConsistencyGate consistency)
{
    public async Task HandleAsync(DocumentTransition transition, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.Include(d => d.Revisions).SingleOrDefaultAsync(d => d.Id == transition.DocumentId, cancellationToken);
        if (document is null)
        {
            throw new NotFoundException("document");
        }

        var latest = document.Revisions.MaxBy(r => r.Number) ?? throw new InvalidInputException("The document has no revision yet; generate a draft first.");
        var now = time.GetUtcNow().UtcDateTime;
        switch (transition.Action)
        {
            case DocumentAction.Submit:
                Expect(latest, DocumentStatuses.Draft);
                if (transition.Change is not null and not ("material" or "minor"))
                {
                    throw new InvalidInputException("A change is material or minor.");
                }

                latest.Change = transition.Change ?? latest.Change;
                latest.Label = GenerateDocumentDraftsHandler.Label(document.Revisions.SingleOrDefault(r => r.Status == DocumentStatuses.Published)?.Label, latest.Change);
                latest.Status = DocumentStatuses.InReview;
                break;
            case DocumentAction.Approve:
                Expect(latest, DocumentStatuses.InReview);
                await ApproveAsync(document, latest, now, cancellationToken);
                break;
            case DocumentAction.Reject:
                Expect(latest, DocumentStatuses.InReview);
                latest.Status = DocumentStatuses.Draft;
                db.DocumentApprovals.RemoveRange(await db.DocumentApprovals.Where(a => a.RevisionId == latest.Id).ToListAsync(cancellationToken));
                break;
            case DocumentAction.Publish:
                Expect(latest, DocumentStatuses.Approved);
                await PublishAsync(document, latest, now, cancellationToken);
                break;
            case DocumentAction.Retire:
                var published = document.Revisions.SingleOrDefault(r => r.Status == DocumentStatuses.Published)
                    ?? throw new InvalidInputException("Only a published revision can be retired.");
                published.Status = DocumentStatuses.Retired;
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// One member's approval; the revision is approved when as many different members as the organization requires
    /// (1 by default: multi-step approval when more) approved it. The author never counts.
    /// </summary>
    private async Task ApproveAsync(ControlledDocumentRecord document, DocumentRevisionRecord revision, DateTime now, CancellationToken cancellationToken)
    {
        if (actor.Is(revision.Author))
        {
            throw new InvalidInputException("The author cannot approve their own revision; another member must approve it.");
        }

        var approvals = await db.DocumentApprovals.Where(a => a.RevisionId == revision.Id).Select(a => a.Approver).ToListAsync(cancellationToken);
        if (approvals.Any(actor.Is))
        {
            throw new InvalidInputException("You already approved this revision; another member's approval is needed.");
        }

        var top = await person.TopManagementAsync(cancellationToken);
        db.DocumentApprovals.Add(new DocumentApprovalRecord { RevisionId = revision.Id, Approver = actor.Name, ApprovedUtc = now, TopManagementApprover = top is null ? null : $"{top.Name} ({top.Position})" });
        approvals.Add(actor.Name);
        var required = await db.Organizations.Where(o => o.Id == document.OrganizationId).Select(o => o.RequiredDocumentApprovals).SingleAsync(cancellationToken);
        if (approvals.Count >= required)
        {
            (revision.Status, revision.ApprovedBy, revision.ApprovedUtc) = (DocumentStatuses.Approved, string.Join(", ", approvals), now);
        }
    }

    private static void Expect(DocumentRevisionRecord revision, string status)
    {
        if (revision.Status != status)
        {
            throw new InvalidInputException($"Revision {revision.Label} is {revision.Status.Replace('_', ' ')}, not {status.Replace('_', ' ')}.");
        }
    }

    private async Task PublishAsync(ControlledDocumentRecord document, DocumentRevisionRecord revision, DateTime now, CancellationToken cancellationToken)
    {
        if (revision.MissingAnswers.Length > 0)
        {
            throw new InvalidInputException($"Revision {revision.Label} cannot be published: required answers are missing ({revision.MissingAnswers.Replace(",", ", ", StringComparison.Ordinal)}). Answer them and generate again.");
        }

        var template = content.Documents.Find(document.TemplateId) ?? throw new InvalidInputException($"The template '{document.TemplateId}' no longer ships.");
        await consistency.EnsurePublishableAsync(template.Id, document.Title, cancellationToken);
        var answers = await builder.AnswersAsync(revision.AnswerSetVersion, cancellationToken);
        var today = DateOnly.FromDateTime(now);
        var nextReview = today.AddMonths(DocumentBuilder.ReviewMonths(answers));
        var history = document.Revisions.Where(r => r.PublishedUtc is not null).OrderBy(r => r.Number)
            .Select(r => new Revision(r.Label, DateOnly.FromDateTime(r.PublishedUtc!.Value), r.ApprovedBy ?? r.Author, r.Change == "material" ? "Material change" : "Minor change"))
            .Append(new Revision(revision.Label, today, revision.ApprovedBy!, revision.Change == "material" ? "Material change" : "Minor change"))
            .ToArray();
        var rendered = await builder.RenderAsync(document.OrganizationId, template, answers, new DocumentControl(revision.Label, DocumentStatuses.Published, nextReview, history), cancellationToken);
        var markdown = MarkdownDocumentWriter.Write(rendered.Model with { Revisions = [] });
        if (GenerateDocumentDraftsHandler.ContentHash(markdown) != revision.ContentSha256)
        {
            throw new InvalidInputException($"The template or the organization's data changed since revision {revision.Label} was approved; generate a new draft, review and approve it.");
        }

        var docx = await store.SaveAsync(new MemoryStream(DocxDocumentWriter.Write(rendered.Model)), template.Id + ".docx", null, cancellationToken);
        var pdf = await store.SaveAsync(new MemoryStream(PdfDocumentWriter.Write(rendered.Model, cancellationToken)), template.Id + ".pdf", null, cancellationToken);
        foreach (var previous in document.Revisions.Where(r => r.Status == DocumentStatuses.Published))
        {
            previous.Status = DocumentStatuses.Retired;
        }

        (revision.Status, revision.PublishedUtc, revision.NextReview, revision.DocxSha256, revision.PdfSha256) =
            (DocumentStatuses.Published, now, nextReview, docx.Sha256, pdf.Sha256);
    }
}
