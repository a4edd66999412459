using Harmonia.App.Content;
using Harmonia.App.Documents;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Organizations;

namespace Harmonia.App.Features.Documents;

/// <summary>Renders one of the organization's documents from its stored data and a given answers version.</summary>
public sealed class DocumentBuilder(LoadedContent content, LoadOrganizationHandler load)
{
    private OrganizationFile? _organization;

    public async Task<RenderedDocument> RenderAsync(Guid organizationId, DocumentTemplate template, Answers answers, DocumentControl control, CancellationToken cancellationToken)
    {
        _organization ??= await load.HandleAsync(new LoadOrganizationRequest(organizationId), cancellationToken);
        return DocumentRenderer.Render(template, content.Documents, content.Catalog, answers.Over(OrganizationAnswers.From(_organization)), _organization.AiSystems, control);
    }

    public static int ReviewMonths(Answers answers) =>
        answers.Values.TryGetValue("review.documents_months", out var value) && value is double months and >= 1 ? (int)months : 12;
}
