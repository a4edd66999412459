using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Organizations;

public static class OrganizationsModule
{
    public static IServiceCollection AddOrganizationsModule(this IServiceCollection services)
    {
        services.AddScoped<ImportOrganizationHandler>();
        services.AddScoped<LoadOrganizationHandler>();
        services.AddScoped<ExportOrganizationArchiveHandler>();
        services.AddScoped<ImportOrganizationArchiveHandler>();
        services.AddScoped<ListOrganizationsHandler>();
        services.AddSingleton<DashboardFiguresCache>();
        services.AddScoped<GetDashboardFiguresHandler>();
        services.AddScoped<GetNextStepsHandler>();
        services.AddScoped<SignedInPerson>();
        services.AddScoped<ListTopManagementHandler>();
        services.AddScoped<SaveTopManagementMemberHandler>();
        services.AddScoped<RemoveTopManagementMemberHandler>();
        return services;
    }
}
