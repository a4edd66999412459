using Harmonia.App.Common;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Risks;

public sealed record DeleteRisksInput(IReadOnlyList<Guid>? RiskIds);

/// <summary>
/// Deletes several risks in one step: each by the rules of one deletion (a risk an impact assessment names stays), and
/// all of them or none, with every refusal said at once.
/// </summary>
public sealed class DeleteRisksHandler(HarmoniaDbContext db, DeleteRiskHandler oneByOne)
{
    public const int MaxRisks = 200;

    /// <returns>The keys of the deleted risks.</returns>
    public Task<IReadOnlyList<string>> HandleAsync(DeleteRisksInput input, CancellationToken cancellationToken = default) =>
        AllOrNone.RemoveAsync(db, input.RiskIds, MaxRisks, "riskIds", "risks", (id, _) => oneByOne.RemoveAsync(id, cancellationToken), cancellationToken);
}
