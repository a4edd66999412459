using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Suppliers;

/// <summary>Our questionnaire templates (content/supplier-questionnaires) and the organization's own, which it uploads as the same YAML.</summary>
public sealed class SupplierQuestionnaireTemplatesHandler(HarmoniaDbContext db, LoadedContent content)
{
    public const int MaxYamlCharacters = 200_000;

    public async Task<IReadOnlyList<QuestionnaireTemplateDto>> AllAsync(CancellationToken cancellationToken = default)
    {
        var own = await db.SupplierQuestionnaireTemplates.AsNoTracking().OrderBy(t => t.Key).ToListAsync(cancellationToken);
        return content.SupplierQuestionnaires.Select(t => Dto(t, true))
            .Concat(own.Select(r => Parse(r.Yaml)).OfType<QuestionnaireTemplate>().Select(t => Dto(t, false))).ToArray();
    }

    /// <summary>Throws InvalidInputException when neither we nor the organization have a template with that key.</summary>
    public async Task<QuestionnaireTemplate> FindAsync(string? key, CancellationToken cancellationToken = default)
    {
        key = key?.Trim();
        if (content.SupplierQuestionnaires.FirstOrDefault(t => t.Key == key) is { } shipped)
        {
            return shipped;
        }

        var own = await db.SupplierQuestionnaireTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Key == key, cancellationToken);
        return (own is null ? null : Parse(own.Yaml))
            ?? throw new InvalidInputException(new Dictionary<string, string[]>
            {
                ["template"] = [$"Choose one of the questionnaires: {string.Join(", ", (await AllAsync(cancellationToken)).Select(t => t.Key))}."],
            });
    }

    /// <summary>Adds or replaces one of the organization's own templates; refused with every problem (line and column) when invalid.</summary>
    public async Task<QuestionnaireTemplateDto> SaveAsync(string? yaml, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(yaml) || yaml.Length > MaxYamlCharacters)
        {
            throw new InvalidInputException($"Send the questionnaire as YAML of up to {MaxYamlCharacters} characters, written like content/supplier-questionnaires/ai-supplier.yaml.");
        }

        var errors = new List<ContentError>();
        var template = SupplierQuestionnaireReader.Read("questionnaire", yaml, content.Catalog, errors);
        if (template is null)
        {
            throw new InvalidInputException(new Dictionary<string, string[]>
            {
                ["yaml"] = errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").Take(50).ToArray(),
            });
        }

        if (content.SupplierQuestionnaires.Any(t => t.Key == template.Key))
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["key"] = [$"'{template.Key}' is one of the questionnaires that come with Harmonia; give yours another key."] });
        }

        var record = await db.SupplierQuestionnaireTemplates.SingleOrDefaultAsync(t => t.Key == template.Key, cancellationToken);
        if (record is null)
        {
            db.SupplierQuestionnaireTemplates.Add(new SupplierQuestionnaireTemplateRecord { Key = template.Key, Title = template.Title, Yaml = yaml });
        }
        else
        {
            (record.Title, record.Yaml) = (template.Title, yaml);
            record.Version++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Dto(template, false);
    }

    private QuestionnaireTemplate? Parse(string yaml) => SupplierQuestionnaireReader.Read("questionnaire", yaml, content.Catalog, []);

    private static QuestionnaireTemplateDto Dto(QuestionnaireTemplate t, bool shipped) => new(t.Key, t.Title, t.Purpose, t.Ai, shipped, t.Questions);
}
