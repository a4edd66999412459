using Harmonia.App.Features.Documents;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Mapping;

namespace Harmonia.App.Content;

/// <summary>A mapping file as shipped: which frameworks it links and whose work it is.</summary>
public sealed record MappingSet(
    string File,
    string SourceFrameworkId,
    string TargetFrameworkId,
    string? Attribution,
    IReadOnlyList<RequirementMapping> Mappings);

/// <summary>The validated catalog plus what the files said about themselves; <see cref="Version"/> hashes every file.</summary>
/// <param name="Documents">The questionnaire and the policy and procedure templates.</param>
public sealed record LoadedContent(Catalog Catalog, IReadOnlyList<MappingSet> MappingSets, string Version, DocumentLibrary Documents)
{
    private static readonly Lazy<LoadedContent> EmbeddedContent = new(() => CatalogLoader.Load(ContentFile.Embedded()));

    /// <summary>The shipped content, loaded and validated once per process.</summary>
    public static LoadedContent Shipped => EmbeddedContent.Value;

    /// <summary>The audit-time tables (content/certification); null only for a catalog loaded without them under test.</summary>
    public Harmonia.Domain.Certification.AuditTimeTables? AuditTime { get; init; }

    /// <summary>The shipped supplier due diligence questionnaires (content/supplier-questionnaires).</summary>
    public IReadOnlyList<Harmonia.Domain.Suppliers.QuestionnaireTemplate> SupplierQuestionnaires { get; init; } = [];
}
