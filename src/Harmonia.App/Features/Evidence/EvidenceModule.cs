using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Evidence;

public static class EvidenceModule
{
    public static IServiceCollection AddEvidenceModule(this IServiceCollection services)
    {
        services.AddScoped<EvidenceVersionFactory>();
        services.AddScoped<AddEvidenceHandler>();
        services.AddScoped<SweepOrphanFilesHandler>();
        services.AddScoped<AddEvidenceVersionHandler>();
        services.AddScoped<GetEvidenceHandler>();
        services.AddScoped<ListEvidenceHandler>();
        services.AddScoped<ExportEvidenceListHandler>();
        services.AddScoped<OpenEvidenceFileHandler>();
        services.AddScoped<DeleteEvidenceHandler>();
        services.AddScoped<DeleteEvidenceRecordsHandler>();
        services.AddScoped<MigrateEvidenceToS3Handler>();
        return services;
    }
}
