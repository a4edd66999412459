using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Harmonia.Domain.Webhooks;
using Harmonia.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Webhooks;

/// <summary>
/// Sends the messages that are due, of every organization. A node takes a message with one conditional update
/// (pending -> sending), so two nodes never send the same attempt; a message held by a node that went silent for two
/// minutes is taken again (the receiver may then see it twice, with the same webhook-id). A 2xx answer delivers it;
/// anything else waits for the next step of the retry schedule, and after the last one it is given up.
/// </summary>
public sealed class DeliverWebhooksHandler(IServiceScopeFactory scopes, WebhookSettings settings, WebhookTransport transport, WebhookSecrets secrets, TimeProvider time)
{
    public static readonly TimeSpan ClaimHeldFor = TimeSpan.FromMinutes(2);

    /// <returns>How many messages were attempted.</returns>
    public async Task<int> HandleAsync(int atMost = 20, CancellationToken cancellationToken = default)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var stale = now - ClaimHeldFor;
            await All(db).Where(d => d.Status == WebhookDeliveryStatuses.Sending && d.ClaimedUtc < stale)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatuses.Pending).SetProperty(d => d.ClaimedUtc, (DateTime?)null), cancellationToken);
            due = await All(db).Where(d => d.Status == WebhookDeliveryStatuses.Pending && d.NextAttemptUtc <= now)
                .OrderBy(d => d.NextAttemptUtc).ThenBy(d => d.CreatedUtc).Select(d => d.Id).Take(atMost).ToListAsync(cancellationToken);
        }

        var attempted = 0;
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var claimed = await All(db).Where(d => d.Id == id && d.Status == WebhookDeliveryStatuses.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatuses.Sending).SetProperty(d => d.ClaimedUtc, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            attempted++;
            await AttemptAsync(db, id, cancellationToken);
        }

        return attempted;
    }

    private async Task AttemptAsync(HarmoniaDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var delivery = await All(db).AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken);
        var endpoint = await db.WebhookEndpoints.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).AsNoTracking().SingleOrDefaultAsync(w => w.Id == delivery.EndpointId, cancellationToken);
        var started = time.GetUtcNow().UtcDateTime;
        if (endpoint is null || !endpoint.Enabled)
        {
            await FinishAsync(db, delivery.Id, WebhookDeliveryStatuses.Failed, delivery.Attempts, null, "Not sent: the webhook was switched off before this message went out.", null, started, started, cancellationToken);
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        using var activity = HarmoniaTelemetry.StartWebhookAttempt(delivery.EventType, delivery.OrganizationId);
        int? code = null;
        string outcome;
        var delivered = false;
        try
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Add("webhook-id", delivery.MessageId);
            request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", WebhookSignature.Sign(secrets.Unprotect(endpoint.ProtectedSecret), delivery.MessageId, timestamp, delivery.Payload));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            using var response = await transport.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            code = (int)response.StatusCode;
            var answer = await ReadStartAsync(response, timeout.Token);
            delivered = code is >= 200 and < 300;
            outcome = code switch
            {
                >= 200 and < 300 => answer.Length == 0 ? $"Accepted ({code})." : $"Accepted ({code}): {answer}",
                >= 300 and < 400 => $"The receiver answered {code} with a redirect{(response.Headers.Location is { } to ? $" to {to}" : string.Empty)}; redirects are not followed, so register the final address.",
                _ => $"The receiver answered {code} {response.ReasonPhrase}{(answer.Length == 0 ? "." : $": {answer}")}",
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = $"No answer within {settings.Timeout.TotalSeconds:0} seconds.";
        }
        catch (HttpRequestException ex) when (Find<WebhookAddressRefusedException>(ex) is { } refused)
        {
            outcome = refused.Message;
        }
        catch (HttpRequestException ex)
        {
            outcome = $"Could not reach the receiver: {(Find<System.Net.Sockets.SocketException>(ex)?.Message ?? ex.Message)}";
        }

        var attempts = delivery.Attempts + 1;
        var wait = settings.Retries.After(attempts);
        var status = delivered ? WebhookDeliveryStatuses.Delivered : wait is null ? WebhookDeliveryStatuses.Failed : WebhookDeliveryStatuses.Pending;
        if (status == WebhookDeliveryStatuses.Failed && !delivered)
        {
            outcome += $" Given up after {attempts} attempts.";
        }

        await FinishAsync(db, delivery.Id, status, attempts, code, outcome, (int)stopwatch.ElapsedMilliseconds, started, time.GetUtcNow().UtcDateTime + (wait ?? TimeSpan.Zero), CancellationToken.None);
        HarmoniaTelemetry.WebhookAttemptFinished(activity, delivery.EventType, delivered ? "delivered" : status == WebhookDeliveryStatuses.Failed ? "given up" : "retrying", code);
        if (!delivered)
        {
            await SwitchOffIfOnlyFailingAsync(db, endpoint, CancellationToken.None);
        }
    }

    /// <summary>
    /// Switches the webhook off when every attempt since its last delivery (or since it was switched on) failed for
    /// longer than the rule allows. The change is the server's, so it lands in the organization's audit trail as
    /// Harmonia's, with the reason on the webhook for the Owner to read.
    /// </summary>
    private async Task SwitchOffIfOnlyFailingAsync(HarmoniaDbContext db, WebhookEndpointRecord endpoint, CancellationToken cancellationToken)
    {
        if (settings.SwitchOff.After == TimeSpan.Zero)
        {
            return;
        }

        var lastDelivered = await All(db).Where(d => d.EndpointId == endpoint.Id && d.Status == WebhookDeliveryStatuses.Delivered).MaxAsync(d => d.LastAttemptUtc, cancellationToken);
        var since = lastDelivered is { } last && last > endpoint.EnabledSinceUtc ? last : endpoint.EnabledSinceUtc;
        var failing = All(db).Where(d => d.EndpointId == endpoint.Id && d.Status != WebhookDeliveryStatuses.Delivered && d.FirstAttemptUtc != null && d.FirstAttemptUtc >= since);
        var failingSince = await failing.MinAsync(d => d.FirstAttemptUtc, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (settings.SwitchOff.Reason(failingSince, now, await failing.CountAsync(cancellationToken)) is not { } reason)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(endpoint.OrganizationId);
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "system:webhooks";
        var owned = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
        var tracked = await owned.WebhookEndpoints.SingleOrDefaultAsync(w => w.Id == endpoint.Id, cancellationToken);

        // An Owner who switched it off, or off and on again, since this attempt began has the last word.
        if (tracked is not { Enabled: true } || tracked.EnabledSinceUtc != endpoint.EnabledSinceUtc)
        {
            return;
        }

        (tracked.Enabled, tracked.SwitchedOffUtc, tracked.SwitchedOffReason) = (false, now, reason);

        // Its Owners hear of it in the app and by e-mail, in the same save: nothing else would tell them the receiver
        // stopped getting the organization's events.
        var owners = await owned.Memberships.AsNoTracking().Where(m => m.Role == OrganizationRole.Owner).Select(m => m.UserId).ToListAsync(cancellationToken);
        var name = string.IsNullOrWhiteSpace(tracked.Description) ? tracked.Url : $"{tracked.Description} ({tracked.Url})";
        await scope.ServiceProvider.GetRequiredService<NotifyPeopleHandler>().AddAsync(
            owners, ReminderKind.Alert, $"webhook-off:{tracked.Id}:{now.Ticks}", $"Webhook switched off: {ReminderMessages.Clip(name, 200)}",
            $"The webhook to {name} is off. {reason}",
            "webhooks", cancellationToken);
        await owned.SaveChangesAsync(cancellationToken);
    }

    private static async Task FinishAsync(
        HarmoniaDbContext db, Guid id, string status, int attempts, int? code, string outcome, int? duration, DateTime attemptedUtc, DateTime next, CancellationToken cancellationToken)
    {
        var text = outcome.Length > 1000 ? outcome[..995] + " …" : outcome;
        await All(db).Where(d => d.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(d => d.Status, status).SetProperty(d => d.Attempts, attempts).SetProperty(d => d.LastStatusCode, code)
                .SetProperty(d => d.LastOutcome, text).SetProperty(d => d.LastDurationMs, duration).SetProperty(d => d.LastAttemptUtc, attemptedUtc)
                .SetProperty(d => d.NextAttemptUtc, next).SetProperty(d => d.ClaimedUtc, (DateTime?)null)
                .SetProperty(d => d.FirstAttemptUtc, d => d.FirstAttemptUtc ?? attemptedUtc),
            cancellationToken);
    }

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Only the start of the answer is kept; a receiver that streams forever is cut off by the timeout.
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[WebhookSettings.KeptAnswerCharacters * 4];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read).ReplaceLineEndings(" ").Trim();
        return text.Length > WebhookSettings.KeptAnswerCharacters ? text[..WebhookSettings.KeptAnswerCharacters] + " …" : text;
    }

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static IQueryable<WebhookDeliveryRecord> All(HarmoniaDbContext db) => db.WebhookDeliveries.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]);
}
