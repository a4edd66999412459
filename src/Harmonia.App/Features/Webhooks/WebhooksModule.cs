using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Harmonia.App.Features.Webhooks;

public static class WebhooksModule
{
    public static IServiceCollection AddWebhooksModule(this IServiceCollection services)
    {
        services.TryAddSingleton(WebhookSettings.Default);
        services.AddSingleton<WebhookTransport>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<DeliverWebhooksHandler>();
        services.AddSingleton<RunWebhookRound>();
        services.AddScoped<CollectWebhookMessagesHandler>();
        services.AddScoped<SaveWebhookEndpointHandler>();
        services.AddScoped<RotateWebhookSecretHandler>();
        services.AddScoped<DeleteWebhookEndpointHandler>();
        services.AddScoped<ListWebhookEndpointsHandler>();
        services.AddScoped<ListWebhookDeliveriesHandler>();
        services.AddScoped<RedeliverWebhookHandler>();
        services.AddScoped<SendTestWebhookHandler>();
        return services;
    }
}
