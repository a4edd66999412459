namespace Harmonia.Web.Features.Jobs;

public static class JobsModule
{
    public static void AddJobWorker(this IServiceCollection services, IConfiguration configuration)
    {
        if (BackgroundJobWorker.Enabled(configuration))
        {
            services.AddHostedService<BackgroundJobWorker>();
        }
    }

    public static void MapJobs(this WebApplication app, RouteGroupBuilder organization)
    {
        organization.MapJobsEndpoints();
        app.MapJobPageEndpoints();
    }
}
