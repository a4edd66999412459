using Harmonia.App.Features.Work;
using Quartz;

namespace Harmonia.Web.Features.Work;

/// <summary>Sends the queued reminder e-mails of every organization, retrying refusals with growing pauses.</summary>
[DisallowConcurrentExecution]
internal sealed class MailDeliveryJob(ReminderJobs jobs, ScheduledJobRuns runs) : IJob
{
    public static readonly JobKey Key = new("mail-delivery", Scheduling.SchedulerName);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runs.RunAsync(Key.Name, context.ScheduledFireTimeUtc?.UtcDateTime ?? context.FireTimeUtc.UtcDateTime, context.Scheduler.SchedulerInstanceId, jobs.DeliverAllAsync, cancellationToken);
}
