using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harmonia.App.Features.Webhooks;

/// <summary>
/// One round of the webhook worker: collect new messages for every organization that has a webhook switched on, then
/// send what is due. A failure in one organization is logged and does not hold up the others.
/// </summary>
public sealed partial class RunWebhookRound(IServiceScopeFactory scopes, DeliverWebhooksHandler deliver, ILogger<RunWebhookRound> logger)
{
    /// <returns>Messages made plus messages attempted: zero means there was nothing to do.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> organizations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            organizations = await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().WebhookEndpoints
                .IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).Where(w => w.Enabled)
                .Select(w => w.OrganizationId).Distinct().ToListAsync(cancellationToken);
        }

        var work = 0;
        foreach (var organizationId in organizations)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organizationId);
                work += await scope.ServiceProvider.GetRequiredService<CollectWebhookMessagesHandler>().HandleAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                CollectFailed(logger, ex, organizationId);
            }
        }

        return work + await deliver.HandleAsync(cancellationToken: cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collecting webhook messages for organization {OrganizationId} failed; the next round tries again")]
    private static partial void CollectFailed(ILogger logger, Exception exception, Guid organizationId);
}
