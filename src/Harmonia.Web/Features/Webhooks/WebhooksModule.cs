using Harmonia.App.Features.Webhooks;

namespace Harmonia.Web.Features.Webhooks;

public static class WebhooksModule
{
    public static void AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(WebhookSettings.From(key => configuration[key]));
        if (WebhookWorker.Enabled(configuration))
        {
            services.AddHostedService<WebhookWorker>();
        }
    }

    public static void MapWebhooks(this WebApplication app, RouteGroupBuilder organization)
    {
        organization.MapWebhooksEndpoints();
        app.MapWebhookPageEndpoints();
    }
}
