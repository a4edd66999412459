using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Interop;

/// <summary>Spreadsheet imports (reading, column mapping, uploads waiting for their preview), and standard formats out of Harmonia: OSCAL catalogs and mapping collections, and per organization its component-definition, assessment-results and POA&amp;M.</summary>
public static class InteropModule
{
    public static IServiceCollection AddInteropModule(this IServiceCollection services) => services
        .AddScoped<ExportOscalCatalogHandler>()
        .AddScoped<ExportOscalMappingHandler>()
        .AddScoped<ExportOscalComponentDefinitionHandler>()
        .AddScoped<ExportOscalAssessmentResultsHandler>()
        .AddScoped<ExportOscalPoamHandler>()
        .AddScoped<SavedImportMappings>()
        .AddScoped<PendingImports>();
}
