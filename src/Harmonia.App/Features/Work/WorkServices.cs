using Microsoft.Extensions.DependencyInjection;

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
        return services;
    }
}
