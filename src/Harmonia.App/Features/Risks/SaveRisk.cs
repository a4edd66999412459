using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.Domain.Risks;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Risks;

/// <summary>
/// Creates a risk, or replaces one when the caller's version still matches. Everything it names must exist: built-in
/// categories, 42001 Annex C risk sources, the organization's AI systems and controls, ratings on the scale.
/// </summary>
public sealed class SaveRiskHandler(HarmoniaDbContext db, LoadedContent content, GetRiskMethodologyHandler methodology)
{
    private static readonly string[] Treatments = ["mitigate", "accept", "avoid", "transfer"];

    public async Task<RiskDto> CreateAsync(RiskInput input, CancellationToken cancellationToken = default)
    {
        var scale = (await methodology.HandleAsync(cancellationToken)).Methodology;
        await ValidateAsync(input, scale, null, cancellationToken);
        var risk = new RiskRecord { Key = input.Key!.Trim(), Title = input.Title!.Trim(), Categories = string.Empty, Treatment = input.Treatment! };
        Apply(risk, input);
        db.Risks.Add(risk);
        await db.SaveChangesAsync(cancellationToken);
        return RiskDto.From(risk, scale);
    }

    /// <returns>Null when the organization has no such risk.</returns>
    public async Task<RiskDto?> UpdateAsync(Guid riskId, int expectedVersion, RiskInput input, CancellationToken cancellationToken = default)
    {
        var scale = (await methodology.HandleAsync(cancellationToken)).Methodology;
        var risk = await db.Risks.SingleOrDefaultAsync(r => r.Id == riskId, cancellationToken);
        if (risk is null)
        {
            return null;
        }

        if (risk.Version != expectedVersion)
        {
            throw new VersionConflictException(risk.Version, "risk");
        }

        await ValidateAsync(input, scale, risk.Id, cancellationToken);
        if ((risk.ResidualLikelihood, risk.ResidualImpact, risk.Owner) != (input.ResidualLikelihood, input.ResidualImpact, input.Owner?.Trim()))
        {
            // An acceptance was given for a rating and an owner; a new rating or owner needs a new acceptance.
            (risk.AcceptedBy, risk.AcceptedUtc, risk.AcceptanceExpiresOn) = (null, null, null);
        }

        Apply(risk, input);
        risk.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return RiskDto.From(risk, scale);
    }

    private static void Apply(RiskRecord risk, RiskInput input)
    {
        static string Join(IReadOnlyList<string>? values) => string.Join(',', (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal));
        (risk.Key, risk.Title, risk.Description, risk.Assets, risk.Owner) = (input.Key!.Trim(), input.Title!.Trim(), input.Description?.Trim(), input.Assets?.Trim(), input.Owner?.Trim());
        (risk.Categories, risk.RiskSources, risk.AiSystems, risk.Controls) = (Join(input.Categories), Join(input.RiskSources), Join(input.AiSystems), Join(input.Controls));
        (risk.InherentLikelihood, risk.InherentImpact, risk.ResidualLikelihood, risk.ResidualImpact) = (input.InherentLikelihood, input.InherentImpact, input.ResidualLikelihood, input.ResidualImpact);
        (risk.Treatment, risk.DueOn, risk.ReviewOn) = (input.Treatment!, input.DueOn, input.ReviewOn);
    }

    private async Task ValidateAsync(RiskInput input, RiskMethodology scale, Guid? self, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [message];
        if (string.IsNullOrWhiteSpace(input.Key) || input.Key.Trim().Length > 64)
        {
            Add("key", "A key of 1 to 64 characters is required, e.g. R-12.");
        }
        else if (await db.Risks.AnyAsync(r => r.Key == input.Key.Trim() && r.Id != self, cancellationToken))
        {
            Add("key", $"A risk with key '{input.Key.Trim()}' already exists.");
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 300)
        {
            Add("title", "A title of 1 to 300 characters is required.");
        }

        if (input.Description is { Length: > 4000 } || input.Assets is { Length: > 1000 } || input.Owner is { Length: > 200 })
        {
            Add("description", "The description may have 4000 characters, the assets 1000 and the owner 200.");
        }

        var categories = input.Categories ?? [];
        if (categories.Count == 0 || categories.Any(c => RiskCategories.Find(c) is null))
        {
            Add("categories", $"Name one or more categories: {string.Join(", ", RiskCategories.BuiltIn.Select(c => c.Id))}.");
        }

        var sources = content.Catalog.FindFramework("iso42001-2023")?.ReferenceLists.SelectMany(l => l.Items).Where(i => i.Ref.StartsWith("C.3.", StringComparison.Ordinal))
            .Select(i => "iso42001-2023:" + i.Ref).ToHashSet(StringComparer.Ordinal) ?? [];
        if ((input.RiskSources ?? []).FirstOrDefault(s => !sources.Contains(s)) is { } source)
        {
            Add("riskSources", $"'{source}' is not a risk source of ISO/IEC 42001 Annex C (e.g. iso42001-2023:C.3.4).");
        }

        var systems = (input.AiSystems ?? []).ToArray();
        var knownSystems = await db.AiSystems.Where(a => systems.Contains(a.Key)).Select(a => a.Key).ToListAsync(cancellationToken);
        if (systems.Except(knownSystems, StringComparer.Ordinal).FirstOrDefault() is { } system)
        {
            Add("aiSystems", $"The organization has no AI system '{system}'.");
        }

        var controls = (input.Controls ?? []).ToArray();
        var knownControls = await db.Controls.Where(c => controls.Contains(c.Key)).Select(c => c.Key).ToListAsync(cancellationToken);
        if (controls.Except(knownControls, StringComparer.Ordinal).FirstOrDefault() is { } control)
        {
            Add("controls", $"The organization has no control '{control}'.");
        }

        foreach (var (value, field) in new[] { (input.InherentLikelihood, "inherentLikelihood"), (input.InherentImpact, "inherentImpact"), (input.ResidualLikelihood, "residualLikelihood"), (input.ResidualImpact, "residualImpact") })
        {
            if (value < 1 || value > scale.Size)
            {
                Add(field, $"Rate from 1 to {scale.Size}.");
            }
        }

        if (input.Treatment is null || !Treatments.Contains(input.Treatment))
        {
            Add("treatment", "The treatment is mitigate, accept, avoid or transfer.");
        }
        else if (input.Treatment == "mitigate" && controls.Length == 0)
        {
            Add("controls", "A mitigated risk names the controls that treat it.");
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }
    }
}
