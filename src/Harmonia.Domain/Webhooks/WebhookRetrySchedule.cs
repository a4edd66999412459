namespace Harmonia.Domain.Webhooks;

/// <summary>
/// When a failed delivery is tried again. The default follows the spacing the Standard Webhooks guidance suggests
/// (seconds, then minutes, then hours), so a receiver down for most of a day still gets the message; after the last
/// delay the delivery is given up and stays in the log as failed, where an Owner can send it again.
/// </summary>
public sealed class WebhookRetrySchedule
{
    public static readonly WebhookRetrySchedule Default = new([
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10)]);

    public WebhookRetrySchedule(IReadOnlyList<TimeSpan> delays)
    {
        if (delays.Count is 0 or > 20 || delays.Any(d => d <= TimeSpan.Zero || d > TimeSpan.FromDays(2)))
        {
            throw new ArgumentException("A retry schedule has 1 to 20 delays, each more than zero and at most two days.", nameof(delays));
        }

        Delays = delays;
    }

    public IReadOnlyList<TimeSpan> Delays { get; }

    /// <summary>Attempts in all: the first one and one per delay.</summary>
    public int MaxAttempts => Delays.Count + 1;

    /// <summary>The wait before the next attempt after <paramref name="attemptsMade"/> failed ones; null when none is left.</summary>
    public TimeSpan? After(int attemptsMade) => attemptsMade >= 1 && attemptsMade <= Delays.Count ? Delays[attemptsMade - 1] : null;
}
