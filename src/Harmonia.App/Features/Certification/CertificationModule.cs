using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Certification;

public static class CertificationModule
{
    public static IServiceCollection AddCertificationModule(this IServiceCollection services)
    {
        services.AddScoped<AuditTimeFacts>();
        services.AddScoped<GetAuditTimeHandler>();
        services.AddScoped<SaveAuditTimeInputsHandler>();
        services.AddScoped<ListCertificatesHandler>();
        services.AddScoped<SaveCertificateHandler>();
        services.AddScoped<RecordBodyFindingHandler>();
        services.AddScoped<ListCandidateBodiesHandler>();
        services.AddScoped<SaveCandidateBodyHandler>();
        return services;
    }
}
