using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;

namespace Harmonia.App.Features.Jobs;

/// <summary>What a finished job leaves: the sentence for the person and, for a pack, the file to download.</summary>
public sealed record BackgroundJobResult(string Outcome, GeneratedFile? File = null);

/// <summary>
/// One kind of background work. It runs in a scope entered for the job's organization with the requester as the
/// audit actor, so it is the same use case a page would call, with the same rules and the same audit trail.
/// </summary>
public interface IBackgroundJobWork
{
    string Kind { get; }

    /// <summary>What the requester must still be allowed when the job starts: a role taken away meanwhile stops it.</summary>
    Permission Needs { get; }

    Task<BackgroundJobResult> RunAsync(string input, BackgroundJobProgress progress, CancellationToken cancellationToken);
}
