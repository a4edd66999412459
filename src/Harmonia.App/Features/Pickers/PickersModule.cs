using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Pickers;

public static class PickersModule
{
    public static IServiceCollection AddPickersModule(this IServiceCollection services) => services.AddScoped<ListPickerChoicesHandler>();
}
