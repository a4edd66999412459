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
    public async Task<IReadOnlyList<string>> HandleAsync(DeleteControlsInput input, CancellationToken cancellationToken = default)
    {
        var ids = (input.ControlIds ?? []).Distinct().ToArray();
        if (ids.Length is 0 or > MaxControls)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["controlIds"] = [ids.Length == 0 ? "Tick at least one control." : $"At most {MaxControls} controls at once; {ids.Length} were ticked."] });
        }

        var deleted = new List<string>();
        var refused = new List<string>();
        foreach (var id in ids)
        {
            try
            {
                deleted.Add(await oneByOne.RemoveAsync(id, null, cancellationToken));
            }
            catch (InvalidInputException ex)
            {
                refused.Add(ex.Message);
            }
        }

        if (refused.Count > 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["controlIds"] = [.. refused, "Nothing was deleted."] });
        }

        await db.SaveChangesAsync(cancellationToken);
        return deleted;
    }
}
