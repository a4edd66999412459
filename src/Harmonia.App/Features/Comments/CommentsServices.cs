using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Comments;

public static class CommentsServices
{
    public static IServiceCollection AddCommentsModule(this IServiceCollection services)
    {
        services.AddScoped<ListCommentsHandler>();
        services.AddScoped<AddCommentHandler>();
        services.AddScoped<EditCommentHandler>();
        services.AddScoped<DeleteCommentHandler>();
        return services;
    }
}
