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
public sealed class SaveRiskHandler(HarmoniaDbContext db, LoadedContent content, GetRiskMethodologyHandler methodology, AuditActor actor)
{
    private static readonly string[] Treatments = ["mitigate", "accept", "avoid", "transfer"];

    public async Task<RiskDto> CreateAsync(RiskInput input, CancellationToken cancellationToken = default)
    {
        var scale = (await methodology.HandleAsync(cancellationToken)).Methodology;
        var risk = Add(input, await ValidateAsync(input, scale, null, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return await DtoAsync(risk, scale, cancellationToken);
    }

    /// <summary>Validates and adds a new risk without saving, for a use case that saves it with its own change.</summary>
    internal async Task<RiskRecord> AddAsync(RiskInput input, CancellationToken cancellationToken = default)
    {
        var scale = (await methodology.HandleAsync(cancellationToken)).Methodology;
        return Add(input, await ValidateAsync(input, scale, null, cancellationToken));
    }

    private RiskRecord Add(RiskInput input, Links links)
    {
        var risk = new RiskRecord { Key = input.Key!.Trim(), Title = input.Title!.Trim(), Categories = string.Empty, Treatment = input.Treatment!, AssessedBy = actor.Name };
        Apply(risk, input, links);
        db.Risks.Add(risk);
        return risk;
    }

    private async Task<RiskDto> DtoAsync(RiskRecord risk, RiskMethodology scale, CancellationToken cancellationToken) =>
        RiskDto.From(risk, scale, await db.AiSystemKeysAsync(cancellationToken), await db.ControlKeysAsync(cancellationToken), await db.MemberAccountsAsync(cancellationToken));

    /// <summary>Throws NotFoundException when the organization has no such risk.</summary>
    public async Task<RiskDto> UpdateAsync(Guid riskId, int expectedVersion, RiskInput input, CancellationToken cancellationToken = default)
    {
        var scale = (await methodology.HandleAsync(cancellationToken)).Methodology;
        var risk = await LoadAsync(riskId, cancellationToken);
        if (risk is null)
        {
            throw new NotFoundException("risk");
        }

        if (risk.Version != expectedVersion)
        {
            throw new VersionConflictException(risk.Version, "risk");
        }

        await ApplyAsync(risk, input, scale, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await DtoAsync(risk, scale, cancellationToken);
    }

    /// <summary>
    /// Validates and applies a replacement without saving (the update and the register import): a new rating or owner
    /// withdraws the acceptance, a new plan the owner's approval of it.
    /// </summary>
    internal async Task ApplyAsync(RiskRecord risk, RiskInput input, RiskMethodology scale, CancellationToken cancellationToken)
    {
        var links = await ValidateAsync(input, scale, risk.Id, cancellationToken);
        var residualOrOwnerChanged = (risk.ResidualLikelihood, risk.ResidualImpact, risk.Owner, risk.OwnerUserId) != (input.ResidualLikelihood, input.ResidualImpact, input.Owner?.Trim(), links.Owner);
        if (residualOrOwnerChanged)
        {
            risk.WithdrawAcceptance();
        }

        var controlsChanged = !risk.ControlLinks.Select(l => l.ControlId).ToHashSet().SetEquals(links.Controls);
        if (residualOrOwnerChanged || controlsChanged || risk.Treatment != input.Treatment)
        {
            // The owner approved this plan: this treatment with these controls aiming at this residual rating.
            (risk.TreatmentApprovedBy, risk.TreatmentApprovedUtc) = (null, null);
        }

        if ((risk.InherentLikelihood, risk.InherentImpact, risk.ResidualLikelihood, risk.ResidualImpact) != (input.InherentLikelihood, input.InherentImpact, input.ResidualLikelihood, input.ResidualImpact))
        {
            // Whoever rates the risk is its assessor; segregation of duties looks at the latest rating.
            risk.AssessedBy = actor.Name;
        }

        Apply(risk, input, links);
        risk.Version++;
    }

    /// <summary>The risk with its links, tracked, for <see cref="ApplyAsync"/>.</summary>
    internal Task<RiskRecord?> LoadAsync(Guid riskId, CancellationToken cancellationToken) =>
        db.Risks.Include(r => r.ControlLinks).Include(r => r.AiSystemLinks).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == riskId, cancellationToken);

    /// <summary>The ids of the AI systems and controls the input names by key.</summary>
    private sealed record Links(Guid[] AiSystems, Guid[] Controls, Guid? Owner);

    private static void Apply(RiskRecord risk, RiskInput input, Links links)
    {
        static string Join(IReadOnlyList<string>? values) => string.Join(',', (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal));
        (risk.Key, risk.Title, risk.Description, risk.Assets, risk.Owner) = (input.Key!.Trim(), input.Title!.Trim(), input.Description?.Trim(), input.Assets?.Trim(), input.Owner?.Trim());
        (risk.Categories, risk.RiskSources) = (Join(input.Categories), Join(input.RiskSources));
        LinkKeys.Sync(risk.AiSystemLinks, links.AiSystems, l => l.AiSystemId, id => new RiskAiSystemLink { RiskId = risk.Id, AiSystemId = id });
        LinkKeys.Sync(risk.ControlLinks, links.Controls, l => l.ControlId, id => new RiskControlLink { RiskId = risk.Id, ControlId = id });
        (risk.InherentLikelihood, risk.InherentImpact, risk.ResidualLikelihood, risk.ResidualImpact) = (input.InherentLikelihood, input.InherentImpact, input.ResidualLikelihood, input.ResidualImpact);
        (risk.Treatment, risk.DueOn, risk.ReviewOn, risk.OwnerUserId) = (input.Treatment!, input.DueOn, input.ReviewOn, links.Owner);
    }

    private async Task<Links> ValidateAsync(RiskInput input, RiskMethodology scale, Guid? self, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [message];
        if (RecordKey.Problem(input.Key, "R-12") is { } keyProblem)
        {
            Add("key", keyProblem);
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

        var systems = LinkKeys.Clean(input.AiSystems);
        var knownSystems = await db.AiSystemIdsAsync(systems, cancellationToken);
        if (systems.FirstOrDefault(s => !knownSystems.ContainsKey(s)) is { } system)
        {
            Add("aiSystems", $"The organization has no AI system '{system}'.");
        }

        var controls = LinkKeys.Clean(input.Controls);
        var knownControls = await db.ControlIdsAsync(controls, cancellationToken);
        if (controls.FirstOrDefault(c => !knownControls.ContainsKey(c)) is { } control)
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

        Guid? owner = null;
        if (!string.IsNullOrWhiteSpace(input.OwnerAccount))
        {
            owner = await db.MemberIdAsync(input.OwnerAccount, cancellationToken);
            if (owner is null)
            {
                Add("ownerAccount", $"'{input.OwnerAccount.Trim()}' is not a member of this organization: the risk owner's account must be a member so they can accept and approve.");
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        // A key in use is a conflict with what is stored (409, ADR 0012), not a malformed field.
        if (await db.Risks.AnyAsync(r => r.Key == input.Key!.Trim() && r.Id != self, cancellationToken))
        {
            throw new DuplicateException($"A risk with key '{input.Key!.Trim()}' already exists.", "key");
        }

        return new Links(systems.Select(s => knownSystems[s]).ToArray(), controls.Select(c => knownControls[c]).ToArray(), owner);
    }
}
