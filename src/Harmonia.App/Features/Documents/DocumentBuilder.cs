using Harmonia.App.Content;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

/// <summary>
/// Renders one of the organization's documents from its stored data and a given answers version, with the
/// tailored wording people approved (only where the deterministic text is still what was tailored).
/// </summary>
public sealed class DocumentBuilder(HarmoniaDbContext db, LoadedContent content, LoadOrganizationHandler load)
{
    private OrganizationFile? _organization;

    /// <summary>The questionnaire answers of the given version, as a revision was generated from them (none when the version is gone).</summary>
    public async Task<Answers> AnswersAsync(int version, CancellationToken cancellationToken)
    {
        var answerSet = await db.AnswerSets.AsNoTracking().SingleOrDefaultAsync(a => a.Version == version, cancellationToken);
        return answerSet is null ? Answers.None : AnswersJson.Read(answerSet.Json, content.Documents.Questionnaire);
    }

    public async Task<RenderedDocument> RenderAsync(Guid organizationId, DocumentTemplate template, Answers answers, DocumentControl control, CancellationToken cancellationToken)
    {
        var organization = await OrganizationAsync(organizationId, cancellationToken);
        var rendered = DocumentRenderer.Render(template, content.Documents, content.Catalog, answers.Over(OrganizationAnswers.From(organization)), organization.AiSystems, control);
        var approved = await db.TailoringProposals.AsNoTracking()
            .Where(t => t.Status == TailoringStatuses.Approved)
            .Join(db.Documents.Where(d => d.TemplateId == template.Id), t => t.DocumentId, d => d.Id, (t, _) => t)
            .ToListAsync(cancellationToken);
        if (approved.Count == 0)
        {
            return rendered;
        }

        var byStatement = approved.GroupBy(t => (t.StatementId, t.Original)).ToDictionary(g => g.Key, g => g.MaxBy(t => t.DecidedUtc)!.Proposed!);
        var blocks = rendered.Model.Blocks
            .Select(b => b is DocumentStatement s && byStatement.TryGetValue((s.Id, s.Text), out var text) ? s with { Text = text } : b)
            .ToArray();
        return rendered with { Model = rendered.Model with { Blocks = blocks } };
    }

    public async Task<OrganizationFile> OrganizationAsync(Guid organizationId, CancellationToken cancellationToken) =>
        _organization ??= await load.HandleAsync(new LoadOrganizationRequest(organizationId), cancellationToken);

    public static int ReviewMonths(Answers answers) =>
        answers.Values.TryGetValue("review.documents_months", out var value) && value is double months and >= 1 ? (int)months : 12;
}
