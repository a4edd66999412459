using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Reviews;

public static class ReviewsModule
{
    public static IServiceCollection AddReviewsModule(this IServiceCollection services)
    {
        services.AddScoped<AssembleReviewInputsHandler>();
        services.AddScoped<HoldManagementReviewHandler>();
        services.AddScoped<TopManagementAttendance>();
        services.AddScoped<ListManagementReviewsHandler>();
        services.AddScoped<ExportReviewMinutesHandler>();
        services.AddScoped<CompleteReviewActionHandler>();
        return services;
    }
}
