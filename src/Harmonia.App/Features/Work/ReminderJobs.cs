using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Work;

/// <summary>
/// The two scheduled passes over every organization: the reminder sweep and the e-mail delivery. Each organization is
/// handled in its own scope and tenant, so one organization's failure neither stops the others nor leaks into them.
/// </summary>
public sealed class ReminderJobs(IServiceScopeFactory scopes)
{
    public Task<string> SweepAllAsync(CancellationToken cancellationToken) =>
        ForEachOrganizationAsync(async services => await services.GetRequiredService<SweepRemindersHandler>().HandleAsync(cancellationToken),
            (organizations, added) => $"{organizations} organizations swept, {added} reminders added", cancellationToken);

    public Task<string> DeliverAllAsync(CancellationToken cancellationToken) =>
        ForEachOrganizationAsync(async services =>
            {
                var counts = await services.GetRequiredService<DeliverReminderMailHandler>().HandleAsync(cancellationToken);
                return counts.Sent;
            },
            (organizations, sent) => $"{organizations} organizations, {sent} e-mails sent", cancellationToken);

    private async Task<string> ForEachOrganizationAsync(Func<IServiceProvider, Task<int>> work, Func<int, int, string> summary, CancellationToken cancellationToken)
    {
        List<Guid> organizations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            organizations = await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().Organizations.AsNoTracking().Select(o => o.Id).ToListAsync(cancellationToken);
        }

        var total = 0;
        var failures = new List<Exception>();
        foreach (var organization in organizations)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization);
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "system:reminders";
            try
            {
                total += await work(scope.ServiceProvider);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add(new InvalidOperationException($"Organization {organization}: {e.Message}", e));
            }
        }

        return failures.Count == 0
            ? summary(organizations.Count, total)
            : throw new AggregateException($"{summary(organizations.Count, total)}; {failures.Count} organizations failed", failures);
    }
}
