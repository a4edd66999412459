using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.App.Rendering;
using Harmonia.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Reviews;

/// <summary>The minutes of a management review (9.3 of both standards): the inputs as assembled, decisions, actions and how far they got.</summary>
public sealed class ExportReviewMinutesHandler(HarmoniaDbContext db, TenantScope tenant, LoadedContent content)
{
    /// <summary>Throws NotFoundException when the organization has no such review.</summary>
    public async Task<GeneratedFile> HandleAsync(Guid reviewId, string format, CancellationToken cancellationToken = default)
    {
        var parsed = DocumentFiles.Parse(format);
        var review = await db.ManagementReviews.AsNoTracking().SingleOrDefaultAsync(m => m.Id == reviewId, cancellationToken);
        if (review is null)
        {
            throw new NotFoundException("management review");
        }

        var organization = await db.OrganizationNameAsync(tenant.OrganizationId, cancellationToken);
        return DocumentFiles.Write(Model(ListManagementReviewsHandler.ToDto(review), organization), parsed, $"management-review-{review.HeldOn:yyyy-MM-dd}", cancellationToken);
    }

    internal DocumentModel Model(ManagementReviewDto review, string organization)
    {
        var doc = $"review-{review.HeldOn:yyyy-MM-dd}";
        var blocks = new List<DocumentBlock>
        {
            new DocumentHeading(1, "Meeting"),
            DocumentFiles.Line(doc, "held", $"Held on {review.HeldOn:yyyy-MM-dd}; attended by {string.Join(", ", review.Attendees)}; recorded by {review.RecordedBy}.", "iso27001-2022:9.3.1", "iso42001-2023:9.3.1"),
            new DocumentHeading(1, "Inputs"),
        };
        var n = 0;
        foreach (var input in review.Inputs)
        {
            blocks.Add(DocumentFiles.Line(doc, "input-" + ++n, $"{input.Topic}: {string.Join(" ", input.Facts)}", "iso27001-2022:9.3.2", "iso42001-2023:9.3.2"));
        }

        blocks.Add(new DocumentHeading(1, "Decisions and actions"));
        blocks.Add(DocumentFiles.Line(doc, "decisions", "Decisions: " + review.Decisions, "iso27001-2022:9.3.3", "iso42001-2023:9.3.3"));
        blocks.Add(DocumentFiles.Table(doc, "actions", "Actions and their state.", new DocumentTable(["Action", "Owner", "Due", "Done"],
            review.Actions.Select(a => (IReadOnlyList<string>)[a.Description, a.Owner, $"{a.Due:yyyy-MM-dd}", a.DoneOn is { } done ? $"{done:yyyy-MM-dd}" + (a.DoneNote is null ? string.Empty : ": " + a.DoneNote) : "open"]).ToArray()),
            "iso27001-2022:9.3.3", "iso42001-2023:9.3.3"));
        var info = new DocumentInfo(doc, $"Management review minutes {review.HeldOn:yyyy-MM-dd}", "Minutes", "Confidential", review.RecordedBy, string.Join(", ", review.Attendees), "final", "held", null, ["iso27001-2022", "iso42001-2023"], organization);
        return new DocumentModel(info, blocks, DocumentFiles.Addressed(blocks, Title), []);
    }

    private string Title(string requirementId) => content.Catalog.FindRequirement(requirementId)?.Title ?? requirementId;
}
