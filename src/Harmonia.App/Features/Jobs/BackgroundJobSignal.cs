namespace Harmonia.App.Features.Jobs;

/// <summary>
/// Wakes this node's worker as soon as a job is queued here, so a person does not wait for the next poll. Other nodes
/// find the job on their next poll; the row, not this signal, is the queue.
/// </summary>
public sealed class BackgroundJobSignal : IDisposable
{
    private readonly SemaphoreSlim _queued = new(0, int.MaxValue);

    public void JobQueued() => _queued.Release();

    /// <returns>True when woken by a queued job, false when the wait ran out.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _queued.Dispose();
}
