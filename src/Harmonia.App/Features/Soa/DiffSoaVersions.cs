using Harmonia.App.Common;
using Harmonia.Domain.Soa;

namespace Harmonia.App.Features.Soa;

public sealed record SoaVersionDiff(string FrameworkId, int From, int To, IReadOnlyList<SoaChange> Changes);

public sealed class DiffSoaVersionsHandler(GetSoaHandler get)
{
    /// <summary>Throws NotFoundException when either version does not exist.</summary>
    public async Task<SoaVersionDiff> HandleAsync(string frameworkId, int from, int to, CancellationToken cancellationToken = default)
    {
        var older = await get.VersionAsync(frameworkId, from, cancellationToken);
        var newer = await get.VersionAsync(frameworkId, to, cancellationToken);
        return older is null || newer is null ? throw new NotFoundException("SoA version") : new SoaVersionDiff(frameworkId, from, to, SoaDiff.Between(older.Rows, newer.Rows));
    }
}
