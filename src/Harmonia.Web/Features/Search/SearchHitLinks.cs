using Harmonia.App.Features.Search;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Search;

/// <summary>Where a search hit opens, and the word a compliance manager uses for its kind.</summary>
internal static class SearchHitLinks
{
    public static string Address(Guid orgId, SearchHit hit) => hit.Kind switch
    {
        SearchKind.Control => Links.Control(orgId, hit.RecordId),
        SearchKind.Evidence => Links.EvidenceItem(orgId, hit.RecordId),
        SearchKind.Risk => $"{Links.Risks(orgId)}?key={Uri.EscapeDataString(hit.Key ?? string.Empty)}",
        SearchKind.AiSystem => Links.AiSystem(orgId, hit.RecordId),
        SearchKind.ImpactAssessment when hit is { ParentId: { } system, Number: { } number } => Links.ImpactAssessment(orgId, system, number),
        SearchKind.ImpactAssessment => Links.AiSystems(orgId),
        SearchKind.Document => Links.Document(orgId, hit.RecordId),
        SearchKind.RegisteredDocument => Links.Documents(orgId) + "#registered",
        SearchKind.Supplier => $"{Links.Suppliers(orgId)}/{hit.RecordId}",
        SearchKind.Audit => Links.Audit(orgId, hit.RecordId),
        SearchKind.Nonconformity => Links.Nonconformity(orgId, hit.RecordId),
        SearchKind.Objective => $"{Links.Objectives(orgId)}#{hit.Key}",
        SearchKind.ManagementReview => Links.ManagementReviews(orgId),
        SearchKind.Person => Links.Competence(orgId),
        SearchKind.Requirement when hit.ParentId is { } framework => $"/orgs/{orgId}/frameworks/{framework}#{Uri.EscapeDataString(hit.Key ?? string.Empty)}",
        _ => Links.Organization(orgId),
    };

    public static string Word(SearchKind kind) => kind switch
    {
        SearchKind.AiSystem => "AI system",
        SearchKind.ImpactAssessment => "Impact assessment",
        SearchKind.RegisteredDocument => "Registered document",
        SearchKind.Audit => "Internal audit",
        SearchKind.ManagementReview => "Management review",
        _ => kind.ToString(),
    };
}
