using Harmonia.App.Persistence;
using Quartz;

namespace Harmonia.Web.Features.Work;

/// <summary>
/// Quartz.NET runs the reminder sweep and the e-mail delivery. On SQLite (one machine) the schedule lives in memory; on
/// PostgreSQL it lives in the clustered ADO.NET job store (qrtz_ tables Quartz creates on first start), so with
/// several web nodes each trigger fires on exactly one of them (ADR 0027).
/// </summary>
internal static class Scheduling
{
    public const string SchedulerName = "harmonia";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool?>("Scheduler:Enabled") ?? true;

    public static TimeSpan SweepEvery(IConfiguration configuration) => Interval(configuration, "Reminders:SweepEvery", TimeSpan.FromHours(1));

    public static TimeSpan DeliverEvery(IConfiguration configuration) => Interval(configuration, "Mail:DeliverEvery", TimeSpan.FromMinutes(1));

    public static void AddHarmoniaScheduler(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        services.AddSingleton<SchedulerStatus>();
        if (!Enabled(configuration))
        {
            return;
        }

        var sweepEvery = SweepEvery(configuration);
        var deliverEvery = DeliverEvery(configuration);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = SchedulerName);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(5);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                    });
                    // Quartz creates its qrtz_ tables on first start and only ever adds: the schema is Quartz's, not ours.
                    store.ProvisionSchema();
                });
            }

            q.AddJob<ReminderSweepJob>(j => j.WithIdentity(ReminderSweepJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(ReminderSweepJob.Key).WithIdentity(ReminderSweepJob.Key.Name, ReminderSweepJob.Key.Group)
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(5))
                .WithSimpleSchedule(s => s.WithInterval(sweepEvery).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddJob<MailDeliveryJob>(j => j.WithIdentity(MailDeliveryJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(MailDeliveryJob.Key).WithIdentity(MailDeliveryJob.Key.Name, MailDeliveryJob.Key.Group)
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(10))
                .WithSimpleSchedule(s => s.WithInterval(deliverEvery).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    private static TimeSpan Interval(IConfiguration configuration, string key, TimeSpan fallback)
    {
        var value = configuration.GetValue<TimeSpan?>(key) ?? fallback;
        return value >= TimeSpan.FromSeconds(1) && value <= TimeSpan.FromDays(7)
            ? value
            : throw new InvalidOperationException($"{key} must be between 1 second and 7 days (e.g. 01:00:00 for hourly); it is {value}.");
    }
}
