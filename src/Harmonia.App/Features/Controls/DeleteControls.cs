using Harmonia.App.Common;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Controls;

public sealed record DeleteControlsInput(IReadOnlyList<Guid>? ControlIds);

/// <summary>
/// Deletes several controls with their evidence in one step: each by the rules of one deletion (a control a risk, an AI
/// system or an impact assessment names stays), and all of them or none, with every refusal said at once.
/// </summary>
public sealed class DeleteControlsHandler(HarmoniaDbContext db, DeleteControlHandler oneByOne)
{
    public const int MaxControls = 200;

    /// <returns>The keys of the deleted controls.</returns>
    public Task<IReadOnlyList<string>> HandleAsync(DeleteControlsInput input, CancellationToken cancellationToken = default) =>
        AllOrNone.RemoveAsync(db, input.ControlIds, MaxControls, "controlIds", "controls", (id, _) => oneByOne.RemoveAsync(id, null, cancellationToken), cancellationToken);
}
