using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Documents;

public sealed record RegisterDocumentInput(string? Title, string? Version, string? Owner, IReadOnlyList<string>? RequirementIds, DateOnly? EffectiveOn);

public sealed record RegisteredDocumentDto(Guid Id, string Title, string Version, string? Owner, IReadOnlyList<string> RequirementIds, string FileName, string ContentType, string Sha256, DateOnly? EffectiveOn, string RegisteredBy, DateTime RegisteredUtc)
{
    public static RegisteredDocumentDto From(RegisteredDocumentRecord r) => new(
        r.Id, r.Title, r.Version, r.Owner, r.RequirementIds.Split(',', StringSplitOptions.RemoveEmptyEntries), r.FileName, r.ContentType, r.Sha256, r.EffectiveOn, r.RegisteredBy, r.RegisteredUtc);
}

/// <summary>Registers a policy the organization already has: its file (hashed, type-checked, stored by content) and the requirements it addresses.</summary>
public sealed class RegisterDocumentHandler(HarmoniaDbContext db, LoadedContent content, IEvidenceStore store, AuditActor actor, TimeProvider time)
{
    public async Task<RegisteredDocumentDto> HandleAsync(RegisterDocumentInput input, EvidenceUpload file, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 300)
        {
            errors["title"] = ["A title of 1 to 300 characters is required."];
        }

        var requirements = (input.RequirementIds ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var unknown = requirements.Where(r => content.Catalog.FindRequirement(r) is null).ToArray();
        if (requirements.Length == 0 || unknown.Length > 0)
        {
            errors["requirementIds"] = [unknown.Length > 0 ? $"Unknown requirement ids: {string.Join(", ", unknown)}." : "Name the requirements the document addresses, e.g. iso27001-2022:A.5.15."];
        }

        if (input.Version is { Length: > 32 } || input.Owner is { Length: > 200 })
        {
            errors["version"] = ["The version may have at most 32 characters and the owner 200."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var stored = await store.SaveAsync(file.Content, file.FileName, file.ExpectedSha256, cancellationToken);
        var record = new RegisteredDocumentRecord
        {
            Title = input.Title!.Trim(),
            Version = string.IsNullOrWhiteSpace(input.Version) ? "1.0" : input.Version.Trim(),
            Owner = string.IsNullOrWhiteSpace(input.Owner) ? null : input.Owner.Trim(),
            RequirementIds = string.Join(',', requirements),
            FileName = stored.FileName,
            ContentType = stored.ContentType,
            Sha256 = stored.Sha256,
            EffectiveOn = input.EffectiveOn,
            RegisteredBy = actor.Name,
            RegisteredUtc = time.GetUtcNow().UtcDateTime,
        };
        db.RegisteredDocuments.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return RegisteredDocumentDto.From(record);
    }
}
