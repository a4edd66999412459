using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Suppliers;

public static class SuppliersModule
{
    public static IServiceCollection AddSuppliersModule(this IServiceCollection services)
    {
        services.AddScoped<SupplierRegister>();
        services.AddScoped<ListSuppliersHandler>();
        services.AddScoped<GetSupplierHandler>();
        services.AddScoped<SaveSupplierHandler>();
        services.AddScoped<DeleteSupplierHandler>();
        services.AddScoped<DeleteSuppliersHandler>();
        services.AddScoped<RecordSupplierReviewHandler>();
        services.AddScoped<GetSupplierTiersHandler>();
        services.AddScoped<SaveSupplierTiersHandler>();
        services.AddScoped<GetSupplierHistoryHandler>();
        services.AddScoped<ExportSupplierRegisterHandler>();
        services.AddScoped<ImportSupplierRegisterHandler>();
        services.AddScoped<Interop.IRegisterImport>(s => s.GetRequiredService<ImportSupplierRegisterHandler>());
        services.AddScoped<SupplierQuestionnaireTemplatesHandler>();
        services.AddScoped<SendSupplierQuestionnaireHandler>();
        services.AddScoped<ListSupplierQuestionnairesHandler>();
        services.AddScoped<ReviewSupplierQuestionnaireHandler>();
        services.AddScoped<AnswerSupplierQuestionnaireHandler>();
        return services;
    }
}
