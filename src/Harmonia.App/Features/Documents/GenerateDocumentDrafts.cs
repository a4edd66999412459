using System.Security.Cryptography;
using System.Text;
using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.App.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

/// <param name="TemplateIds">Only these documents; every template when null.</param>
public sealed record GenerateDraftsRequest(Guid OrganizationId, IReadOnlyList<string>? TemplateIds = null);

/// <param name="Unchanged">Documents whose text equals their open or published revision: nothing was written.</param>
public sealed record GenerateDraftsOutcome(int Drafts, int Unchanged, IReadOnlyList<string> Missing);

/// <summary>
/// Generates draft revisions from the latest answers. An open revision (draft, in review, approved) is replaced
/// by the new draft and loses its approval; after a published one a new revision starts, classed material when a
/// statement with an obligation changed, appeared or disappeared, minor otherwise (the person submitting may
/// reclass it). Text identical to the latest revision writes nothing.
/// </summary>
public sealed class GenerateDocumentDraftsHandler(HarmoniaDbContext db, LoadedContent content, DocumentBuilder builder, GetAnswersHandler answers, AuditActor actor, TimeProvider time)
{
    public Task<GenerateDraftsOutcome> HandleAsync(GenerateDraftsRequest request, CancellationToken cancellationToken = default) =>
        HandleAsync(request, (_, _) => Task.CompletedTask, cancellationToken);

    /// <param name="progress">Told after each document is rendered (done, total); rendering is nearly all the time taken.</param>
    public async Task<GenerateDraftsOutcome> HandleAsync(GenerateDraftsRequest request, Func<int, int, Task> progress, CancellationToken cancellationToken)
    {
        var templates = request.TemplateIds is null
            ? content.Documents.Templates
            : request.TemplateIds.Select(id => content.Documents.Find(id) ?? throw new InvalidInputException($"Unknown document '{id}'.")).ToArray();
        var answerSet = await answers.HandleAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var review = today.AddMonths(DocumentBuilder.ReviewMonths(answerSet.Answers));

        // Rendering happens before the write lock is taken (it takes long enough to hold up every other writer, of
        // every organization on SQLite). What it depends on of the stored revisions is only the published label.
        var publishedLabels = await db.Documents.AsNoTracking()
            .Select(d => new { d.TemplateId, Label = d.Revisions.Where(r => r.Status == DocumentStatuses.Published).Select(r => r.Label).FirstOrDefault() })
            .ToDictionaryAsync(d => d.TemplateId, d => d.Label, cancellationToken);
        var renderedFor = new Dictionary<string, (string? Published, RenderedDocument Rendered)>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            var label = publishedLabels.GetValueOrDefault(template.Id);
            renderedFor[template.Id] = (label, await RenderAsync(request.OrganizationId, template, answerSet, label, review, cancellationToken));
            await progress(renderedFor.Count, templates.Count);
        }

        // The latest revision is read and the next one numbered under the organization's write lock: generations at the
        // same moment both read revision n and both wrote n + 1 (or both created the document), and the second answered 500.
        await using var transaction = await db.BeginOrganizationWriteAsync(cancellationToken);
        var documents = await db.Documents.Include(d => d.Revisions).ToDictionaryAsync(d => d.TemplateId, cancellationToken);
        var (drafts, unchanged, missing) = (0, 0, new SortedSet<string>(StringComparer.Ordinal));
        foreach (var template in templates)
        {
            if (!documents.TryGetValue(template.Id, out var document))
            {
                document = new ControlledDocumentRecord { TemplateId = template.Id, Title = template.Title };
                db.Documents.Add(document);
            }

            var latest = document.Revisions.MaxBy(r => r.Number);
            var published = document.Revisions.SingleOrDefault(r => r.Status == DocumentStatuses.Published);
            var open = latest is { Status: DocumentStatuses.Draft or DocumentStatuses.InReview or DocumentStatuses.Approved } ? latest : null;
            var change = published is null ? "material" : "minor";
            var label = Label(published?.Label, change);
            var (renderedAgainst, rendered) = renderedFor[template.Id];
            if (renderedAgainst != published?.Label)
            {
                // A revision was published since the rendering: render again against it, now under the lock.
                rendered = await RenderAsync(request.OrganizationId, template, answerSet, published?.Label, review, cancellationToken);
            }

            var markdown = MarkdownDocumentWriter.Write(rendered.Model with { Revisions = [] });
            var hash = ContentHash(markdown);
            missing.UnionWith(rendered.Missing.Select(q => q.Key));
            if ((open ?? published)?.ContentSha256 == hash && open?.Status != DocumentStatuses.InReview)
            {
                unchanged++;
                continue;
            }

            if (published is not null)
            {
                change = IsMaterial(published.Markdown, markdown) ? "material" : "minor";
                label = Label(published.Label, change);
            }

            var revision = open ?? new DocumentRevisionRecord
            {
                Number = (latest?.Number ?? 0) + 1,
                Label = label,
                Status = DocumentStatuses.Draft,
                Change = change,
                ContentVersion = content.Version,
                Markdown = markdown,
                ContentSha256 = hash,
                Author = actor.Name,
            };
            if (open is null)
            {
                document.Revisions.Add(revision);
            }
            else
            {
                // A replaced revision loses the approvals it had collected.
                db.DocumentApprovals.RemoveRange(await db.DocumentApprovals.Where(a => a.RevisionId == open.Id).ToListAsync(cancellationToken));
            }

            (revision.Label, revision.Status, revision.Change, revision.AnswerSetVersion, revision.ContentVersion) = (label, DocumentStatuses.Draft, change, answerSet.Version, content.Version);
            (revision.Markdown, revision.ContentSha256, revision.MissingAnswers) = (markdown, hash, string.Join(",", rendered.Missing.Select(q => q.Key)));
            (revision.Author, revision.CreatedUtc, revision.ApprovedBy, revision.ApprovedUtc) = (actor.Name, time.GetUtcNow().UtcDateTime, null, null);
            drafts++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new GenerateDraftsOutcome(drafts, unchanged, missing.ToArray());
    }

    private Task<RenderedDocument> RenderAsync(Guid organizationId, DocumentTemplate template, AnswerSet answerSet, string? publishedLabel, DateOnly review, CancellationToken cancellationToken) =>
        builder.RenderAsync(organizationId, template, answerSet.Answers, new DocumentControl(Label(publishedLabel, publishedLabel is null ? "material" : "minor"), DocumentStatuses.Draft, review, []), cancellationToken);

    /// <summary>The hash a revision's text is known by: over the body, so the cover's version and dates never count.</summary>
    internal static string ContentHash(string markdown) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body(markdown))));

    /// <summary>The Markdown without its cover table, so a new version label alone never counts as a change.</summary>
    private static string Body(string markdown) => string.Join('\n', markdown.Split('\n').Where(l => !l.StartsWith("| Version |", StringComparison.Ordinal) && !l.StartsWith("| Status |", StringComparison.Ordinal) && !l.StartsWith("| Next review |", StringComparison.Ordinal)));

    /// <summary>The label a revision gets after <paramref name="published"/> for a change of that class.</summary>
    internal static string Label(string? published, string change)
    {
        if (published is null)
        {
            return "1.0";
        }

        var parts = published.Split('.');
        var (major, minor) = (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        return change == "material" ? $"{major + 1}.0" : $"{major}.{minor + 1}";
    }

    /// <summary>Material when a line that carries an obligation (shall, must) changed, or a statement appeared or disappeared.</summary>
    private static bool IsMaterial(string before, string after)
    {
        static HashSet<string> Statements(string markdown) => markdown.Split('\n').Where(l => l.Contains("`[", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        static string Id(string line) => line[(line.LastIndexOf("`[", StringComparison.Ordinal) + 2)..];
        var (old, current) = (Statements(before), Statements(after));
        var changed = old.Except(current).Concat(current.Except(old)).ToArray();
        return old.Select(Id).Order().SequenceEqual(current.Select(Id).Order()) is false
            || changed.Any(l => l.Contains(" shall ", StringComparison.OrdinalIgnoreCase) || l.Contains(" must ", StringComparison.OrdinalIgnoreCase));
    }
}
