using Harmonia.App.Common;

namespace Harmonia.App.Features.Consistency;

/// <summary>
/// Keeps a generated document from being published while it would state something the organization's own records
/// contradict. Resolving the contradiction or acknowledging it with a reason lifts the block.
/// </summary>
public sealed class ConsistencyGate(GetConsistencyHandler consistency)
{
    public async Task EnsurePublishableAsync(string templateId, string documentTitle, CancellationToken cancellationToken = default)
    {
        var open = (await consistency.HandleAsync(cancellationToken)).OpenFor(templateId).ToArray();
        if (open.Length > 0)
        {
            throw new InvalidInputException(
                $"'{documentTitle}' cannot be published: it would contradict the organization's own records ({string.Join("; ", open.Select(f => f.Title))}). " +
                "Resolve each contradiction, or acknowledge it with a reason on the consistency page.");
        }
    }
}
