using Fluid;
using Harmonia.Domain.Documents;

namespace Harmonia.App.Features.Documents;

/// <summary>A template of the library (docs/template-format.md), parsed and checked when the content loads.</summary>
/// <param name="OwnerKey">The questionnaire key whose answer owns the document.</param>
/// <param name="Statements">The statements as written in the template (ids may still contain Liquid in loops).</param>
public sealed record DocumentTemplate(
    string Id,
    string Path,
    string Title,
    string Kind,
    IReadOnlyList<string> Standards,
    string OwnerKey,
    string ApproverKey,
    string Classification,
    IReadOnlyList<string> Requires,
    int BodyFirstLine,
    IFluidTemplate Liquid,
    IReadOnlyList<DocumentStatement> Statements);

/// <summary>A requirement that asks for documented information, and what is expected, in our words.</summary>
/// <param name="MetByDocument">
/// The requirement asks for nothing but the document (a policy): once the document is published it is implemented.
/// Others also need records that the process runs.
/// </param>
public sealed record DocumentedInformation(string RequirementId, string Expected, bool MetByDocument = false);

/// <summary>The questionnaire, the templates and the documented-information list, loaded together.</summary>
public sealed record DocumentLibrary(Questionnaire Questionnaire, IReadOnlyList<DocumentTemplate> Templates, IReadOnlyList<DocumentedInformation> DocumentedInformation)
{
    public DocumentTemplate? Find(string id) => Templates.FirstOrDefault(t => t.Id == id);
}
