using Harmonia.App.Features.Work;
using Quartz;

namespace Harmonia.Web.Features.Work;

public sealed record ScheduledJobDto(string Job, string What, TimeSpan Every, DateTime? NextRunUtc);

public sealed record SchedulerStatusDto(bool Running, bool Clustered, IReadOnlyList<ScheduledJobDto> Jobs, IReadOnlyList<ScheduledJobRunDto> RecentRuns);

/// <summary>What the Owner sees of the schedule: the jobs, their next run (from Quartz) and the recent runs (from the database, every node).</summary>
internal sealed class SchedulerStatus(IServiceProvider services, IConfiguration configuration, ScheduledJobRuns runs)
{
    public async Task<SchedulerStatusDto> ReadAsync(CancellationToken cancellationToken)
    {
        var recent = await runs.RecentAsync(40, cancellationToken);
        var factory = services.GetService<ISchedulerFactory>();
        if (factory is null)
        {
            return new SchedulerStatusDto(false, false, [], recent);
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        var metadata = await scheduler.GetMetadata(cancellationToken);
        var jobs = new List<ScheduledJobDto>();
        foreach (var (key, what, every) in new[]
                 {
                     (ReminderSweepJob.Key, "Reminder sweep: turns due work into reminders", Scheduling.SweepEvery(configuration)),
                     (MailDeliveryJob.Key, "E-mail delivery: sends queued reminders, retries refusals", Scheduling.DeliverEvery(configuration)),
                 })
        {
            var triggers = await scheduler.GetTriggers([new TriggerKey(key.Name, key.Group)], cancellationToken);
            jobs.Add(new ScheduledJobDto(key.Name, what, every, triggers.Select(t => t?.NextFireTimeUtc?.UtcDateTime).Min()));
        }

        return new SchedulerStatusDto(scheduler.Status == Quartz.SchedulerStatus.Running, metadata.JobStoreClustered, jobs, recent);
    }
}
