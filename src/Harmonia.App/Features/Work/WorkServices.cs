using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Harmonia.App.Features.Work;

public static class WorkServices
{
    public static IServiceCollection AddWorkModule(this IServiceCollection services)
    {
        services.AddScoped<DueFactSources>();
        services.AddScoped<ListDueWorkHandler>();
        services.AddScoped<CreateCalendarFeedHandler>();
        services.AddScoped<RevokeCalendarFeedHandler>();
        services.AddScoped<ListCalendarFeedsHandler>();
        services.AddScoped<ReadCalendarFeedHandler>();
        services.AddScoped<RecurringOccurrences>();
        services.AddScoped<ListRecurringActivitiesHandler>();
        services.AddScoped<SaveRecurringActivityHandler>();
        services.AddScoped<RecordOccurrenceDoneHandler>();
        services.AddScoped<DeleteRecurringActivityHandler>();
        services.AddScoped<AddDefaultRecurringActivitiesHandler>();
        services.AddScoped<SweepRemindersHandler>();
        services.AddScoped<DeliverReminderMailHandler>();
        services.AddScoped<ListNotificationsHandler>();
        services.AddScoped<MarkNotificationsReadHandler>();
        services.AddScoped<GetReminderPreferencesHandler>();
        services.AddScoped<SaveReminderPreferencesHandler>();
        services.AddScoped<ListMailProblemsHandler>();
        services.AddScoped<NotifyPeopleHandler>();
        services.AddScoped<OwnedRecords>();
        services.AddScoped<AssignOwnerHandler>();
        services.AddScoped<AssignOwnersHandler>();
        services.AddScoped<MatchFreeTextOwnersHandler>();
        services.AddScoped<ListOwnersToResolveHandler>();
        services.AddSingleton<ReminderJobs>();
        services.AddSingleton<ScheduledJobRuns>();
        services.TryAddSingleton(sp => MailSettings.Read(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<IMailSender, SmtpMailSender>();
        return services;
    }
}
