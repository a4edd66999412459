using Harmonia.App.Features.Work;
using Quartz;

namespace Harmonia.Web.Features.Work;

/// <summary>Turns every organization's due work into reminders (see ReminderRules).</summary>
[DisallowConcurrentExecution]
internal sealed class ReminderSweepJob(ReminderJobs jobs, ScheduledJobRuns runs) : IJob
{
    public static readonly JobKey Key = new("reminder-sweep", Scheduling.SchedulerName);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runs.RunAsync(Key.Name, context.ScheduledFireTimeUtc?.UtcDateTime ?? context.FireTimeUtc.UtcDateTime, context.Scheduler.SchedulerInstanceId, jobs.SweepAllAsync, cancellationToken);
}
