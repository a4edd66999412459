using Harmonia.Domain.Webhooks;

namespace Harmonia.App.Features.Webhooks;

/// <summary>The operator's webhook settings (section "Webhooks"); see docs/deploy.md for each key and its default.</summary>
public sealed record WebhookSettings(WebhookAddressPolicy Addresses, WebhookRetrySchedule Retries, TimeSpan Timeout, WebhookSwitchOffRule SwitchOff)
{
    public const int MaxEndpointsPerOrganization = 20;

    /// <summary>How much of a receiver's answer the log keeps.</summary>
    public const int KeptAnswerCharacters = 500;

    public static WebhookSettings Default { get; } = new(WebhookAddressPolicy.Strict, WebhookRetrySchedule.Default, TimeSpan.FromSeconds(15), WebhookSwitchOffRule.Default);

    /// <param name="read">Reads a configuration key, e.g. "Webhooks:AllowedNetworks".</param>
    public static WebhookSettings From(Func<string, string?> read)
    {
        var allowHttp = bool.TryParse(read("Webhooks:AllowHttp"), out var http) && http;
        IReadOnlyList<System.Net.IPNetwork> networks;
        try
        {
            networks = WebhookAddressPolicy.ParseNetworks(read("Webhooks:AllowedNetworks"));
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"Webhooks:AllowedNetworks: {ex.Message}", ex);
        }

        var retries = WebhookRetrySchedule.Default;
        if (read("Webhooks:RetryDelays") is { Length: > 0 } delays)
        {
            try
            {
                retries = new WebhookRetrySchedule(delays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(d => TimeSpan.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
            {
                throw new InvalidOperationException($"Webhooks:RetryDelays must be a comma-separated list of durations such as 00:00:05,00:05:00: {ex.Message}", ex);
            }
        }

        var timeout = TimeSpan.FromSeconds(15);
        if (read("Webhooks:Timeout") is { Length: > 0 } timeoutText)
        {
            if (!TimeSpan.TryParse(timeoutText, System.Globalization.CultureInfo.InvariantCulture, out timeout) || timeout < TimeSpan.FromSeconds(1) || timeout > TimeSpan.FromMinutes(1))
            {
                throw new InvalidOperationException("Webhooks:Timeout must be a duration between 00:00:01 and 00:01:00.");
            }
        }

        var switchOff = WebhookSwitchOffRule.Default;
        if (read("Webhooks:SwitchOffAfter") is { Length: > 0 } switchOffText)
        {
            if (!TimeSpan.TryParse(switchOffText, System.Globalization.CultureInfo.InvariantCulture, out var after) || after < TimeSpan.Zero || after > TimeSpan.FromDays(90))
            {
                throw new InvalidOperationException("Webhooks:SwitchOffAfter must be a duration up to 90.00:00:00 (00:00:00: never switch a failing webhook off).");
            }

            switchOff = new WebhookSwitchOffRule(after);
        }

        return new(new WebhookAddressPolicy(allowHttp, networks), retries, timeout, switchOff);
    }
}
