using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

public sealed record RiskSuggestionsDecision(IReadOnlyList<Guid>? SuggestionIds, bool Accept);

/// <summary>
/// Accepts or dismisses several open risk suggestions in one step: all of them or none (one already decided, or not
/// this organization's, refuses the whole step), accepted ones becoming risks R-n, R-n+1, … in the order given.
/// </summary>
public sealed class DecideRiskSuggestionsHandler(HarmoniaDbContext db, DecideRiskSuggestionHandler oneByOne)
{
    public const int MaxSuggestions = 200;

    public async Task<IReadOnlyList<RiskSuggestionDto>> HandleAsync(RiskSuggestionsDecision decision, CancellationToken cancellationToken = default)
    {
        var ids = (decision.SuggestionIds ?? []).Distinct().ToArray();
        if (ids.Length is 0 or > MaxSuggestions)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["suggestionIds"] = [ids.Length == 0 ? "Tick at least one suggestion." : $"At most {MaxSuggestions} suggestions at once; {ids.Length} were ticked."] });
        }

        await using var transaction = await db.BeginOrganizationWriteAsync(cancellationToken);
        var suggestions = await db.RiskSuggestions.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        if (ids.FirstOrDefault(id => !suggestions.ContainsKey(id)) is var missing && missing != Guid.Empty)
        {
            throw new NotFoundException("risk suggestion", missing);
        }

        var decided = suggestions.Values.Where(s => s.Status != "open").Select(s => $"'{s.Title}' was already {s.Status}.").ToArray();
        if (decided.Length > 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["suggestionIds"] = [.. decided, "Nothing was decided; reload the list and tick the open ones."] });
        }

        var next = await oneByOne.NextRiskNumberAsync(cancellationToken);
        foreach (var id in ids)
        {
            await oneByOne.ApplyAsync(suggestions[id], new RiskSuggestionDecision(decision.Accept, null, null, null), next, cancellationToken);
            next += decision.Accept ? 1 : 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await RiskSuggestionDto.ForAsync(db, [.. ids.Select(id => suggestions[id])], cancellationToken);
    }
}
