using System.Security.Cryptography;
using System.Text;
using Harmonia.App.Features.Documents;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Mapping;

namespace Harmonia.App.Content;

/// <summary>
/// Loads and validates <c>content/</c> (docs/content-format.md). Every problem is reported with file, line and
/// column: duplicate ids, dangling ids, unknown relationships, missing titles, incomplete coverage.
/// Nothing partial is ever returned: invalid content throws <see cref="ContentValidationException"/>.
/// </summary>
public static class CatalogLoader
{
    /// <summary>Questionnaire and templates are read by <see cref="Features.Documents.DocumentLibraryLoader"/>, after the catalogs they refer to.</summary>
    private static readonly string[] KnownFolders = ["frameworks/", "mappings/", "questionnaire/", "templates/", "certification/", SupplierQuestionnaireReader.Folder];

    public static LoadedContent Load(IReadOnlyList<ContentFile> files)
    {
        var errors = new List<ContentError>();
        var frameworks = new List<Framework>();
        foreach (var file in files.Where(f => f.Path.StartsWith("frameworks/", StringComparison.Ordinal)))
        {
            var yaml = YamlFile.Parse(file.Path, file.Text, errors);
            if (yaml.Root is not null && FrameworkReader.Read(yaml, yaml.Root) is { } framework)
            {
                if (frameworks.Any(f => f.Id == framework.Id))
                {
                    yaml.Error(YamlFile.Get(yaml.Root, "id")!, $"duplicate framework id '{framework.Id}'");
                }
                else
                {
                    frameworks.Add(framework);
                }
            }
        }

        var byId = frameworks.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var sets = new List<MappingSet>();
        var coverage = new List<CoverageEntry>();
        var noEquivalents = new List<NoEquivalent>();
        foreach (var file in files.Where(f => f.Path.StartsWith("mappings/", StringComparison.Ordinal)))
        {
            var yaml = YamlFile.Parse(file.Path, file.Text, errors);
            if (yaml.Root is not null && new MappingFileReader(yaml, byId).Read(coverage) is { } set)
            {
                sets.Add(set);
            }
        }

        CoverageValidator.Validate(coverage, sets, noEquivalents);
        var auditTime = ReadAuditTime(files, errors);
        foreach (var file in files.Where(f => !KnownFolders.Any(folder => f.Path.StartsWith(folder, StringComparison.Ordinal))))
        {
            errors.Add(new ContentError(file.Path, 1, 1, "content files belong under frameworks/, mappings/, questionnaire/, templates/, certification/ or supplier-questionnaires/"));
        }

        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }

        var catalog = new Catalog(frameworks, sets.SelectMany(s => s.Mappings), noEquivalents);
        var supplierQuestionnaires = new List<Harmonia.Domain.Suppliers.QuestionnaireTemplate>();
        foreach (var file in files.Where(f => f.Path.StartsWith(SupplierQuestionnaireReader.Folder, StringComparison.Ordinal)))
        {
            if (SupplierQuestionnaireReader.Read(file.Path, file.Text, catalog, errors) is { } template)
            {
                if (supplierQuestionnaires.Any(t => t.Key == template.Key))
                {
                    errors.Add(new ContentError(file.Path, 1, 1, $"duplicate supplier questionnaire key '{template.Key}'"));
                }

                supplierQuestionnaires.Add(template);
            }
        }

        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }

        // A content set without questionnaire and templates (a catalog under test) has an empty document library.
        var documents = files.Any(f => f.Path.StartsWith("questionnaire/", StringComparison.Ordinal) || f.Path.StartsWith("templates/", StringComparison.Ordinal))
            ? DocumentLibraryLoader.Load(files, catalog)
            : new DocumentLibrary(new Questionnaire([]), [], []);
        return new LoadedContent(catalog, sets, VersionOf(files), documents) { AuditTime = auditTime, SupplierQuestionnaires = supplierQuestionnaires };
    }

    /// <summary>The audit-time tables; a content set without them (a catalog under test) has none.</summary>
    private static Harmonia.Domain.Certification.AuditTimeTables? ReadAuditTime(IReadOnlyList<ContentFile> files, List<ContentError> errors)
    {
        Harmonia.Domain.Certification.AuditTimeTables? tables = null;
        foreach (var file in files.Where(f => f.Path.StartsWith("certification/", StringComparison.Ordinal)))
        {
            if (file.Path != AuditTimeTableReader.Path)
            {
                errors.Add(new ContentError(file.Path, 1, 1, $"the only file under certification/ is {AuditTimeTableReader.Path}"));
                continue;
            }

            var yaml = YamlFile.Parse(file.Path, file.Text, errors);
            if (yaml.Root is not null)
            {
                tables = AuditTimeTableReader.Read(yaml, yaml.Root);
            }
        }

        return tables;
    }

    private static string VersionOf(IReadOnlyList<ContentFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Path + "\n" + file.Text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
