using Harmonia.App.Common;
using Harmonia.App.Features.Risks;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

public sealed record RiskSuggestionDecision(bool Accept, int? Likelihood, int? Impact, string? Owner);

/// <summary>
/// Accepting a suggestion adds the risk to the register (rated as the caller says, 3 x 3 otherwise), treated with the
/// controls the failing evidence belongs to when it names some; dismissing it keeps the record of the decision.
/// </summary>
public sealed class DecideRiskSuggestionHandler(HarmoniaDbContext db, SaveRiskHandler risks, AuditActor actor)
{
    /// <summary>Throws NotFoundException when the organization has no such suggestion.</summary>
    public async Task<RiskSuggestionDto> HandleAsync(Guid suggestionId, RiskSuggestionDecision decision, CancellationToken cancellationToken = default)
    {
        // Under the organization's write lock: the suggestion is decided once, and the next R-n is read and taken by one writer at a time.
        await using var transaction = await db.BeginOrganizationWriteAsync(cancellationToken);
        var suggestion = await db.RiskSuggestions.SingleOrDefaultAsync(s => s.Id == suggestionId, cancellationToken);
        if (suggestion is null)
        {
            throw new NotFoundException("risk suggestion");
        }

        if (suggestion.Status != "open")
        {
            throw new InvalidInputException($"The suggestion was already {suggestion.Status}.");
        }

        await ApplyAsync(suggestion, decision, await NextRiskNumberAsync(cancellationToken), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await RiskSuggestionDto.ForAsync(db, [suggestion], cancellationToken))[0];
    }

    /// <summary>The number of the next R-n key; one writer at a time under the organization's write lock.</summary>
    internal async Task<int> NextRiskNumberAsync(CancellationToken cancellationToken)
    {
        var keys = await db.Risks.Select(r => r.Key).Where(k => k.StartsWith("R-")).ToListAsync(cancellationToken);
        return keys.Select(k => int.TryParse(k.AsSpan(2), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
    }

    /// <summary>Decides one open suggestion; an accepted one adds risk R-<paramref name="next"/>, not saved (the caller saves).</summary>
    internal async Task ApplyAsync(RiskSuggestionRecord suggestion, RiskSuggestionDecision decision, int next, CancellationToken cancellationToken)
    {
        if (decision.Accept)
        {
            var controlKeys = await db.ControlKeysAsync(cancellationToken);
            var controls = controlKeys.KeysOf(await db.AiEvidenceControlLinks.Where(l => l.AiEvidenceId == suggestion.AiEvidenceId).Select(l => l.ControlId).ToListAsync(cancellationToken));
            var system = await db.AiSystems.Where(a => a.Id == suggestion.AiSystemId).Select(a => a.Key).SingleAsync(cancellationToken);
            var (likelihood, impact) = (decision.Likelihood ?? 3, decision.Impact ?? 3);
            // Added, not saved: the new risk and the decided suggestion are one change.
            var risk = await risks.AddAsync(
                new RiskInput(
                    "R-" + next, suggestion.Title, suggestion.Detail, [suggestion.Category], [], null, [system],
                    likelihood, impact, controls.Length > 0 ? "mitigate" : "accept", controls, likelihood, impact, decision.Owner, null, null),
                cancellationToken);
            suggestion.RiskId = risk.Id;
        }

        (suggestion.Status, suggestion.DecidedBy) = (decision.Accept ? "accepted" : "dismissed", actor.Name);
    }
}
