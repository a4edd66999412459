using Harmonia.App.Features.Accounts;

namespace Harmonia.Web.Platform;

/// <summary>Marks an endpoint with the permission it needs; the cross-tenant test reads it back from the metadata.</summary>
internal sealed record PermissionMetadata(Permission Permission);

/// <summary>
/// Marks an endpoint whose success also depends on the record's state (a document must be approved before it is
/// published): the role test then accepts a readable refusal of the state, never a 403 or 404, from allowed roles.
/// </summary>
internal sealed record StateDependentMetadata;

internal static class EndpointConventions
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(OrganizationPermissionRequirement.PolicyName(permission)).WithMetadata(new PermissionMetadata(permission));

    /// <summary>The page (cookie) flavour of <see cref="RequirePermission{TBuilder}"/>.</summary>
    public static TBuilder RequirePagePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization("page:" + permission).WithMetadata(new PermissionMetadata(permission));

    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>The answer to an update without If-Match: a blind overwrite of someone's change is never allowed.</summary>
    public static IResult IfMatchRequired() => TypedResults.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired,
        title: "If-Match required",
        detail: "Send the ETag you read as If-Match, so a concurrent change is not silently overwritten.");

    /// <summary>The version an If-Match header names, or null when it is missing or not one of ours.</summary>
    public static int? IfMatchVersion(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Length > 2 && value[0] == '"' && value[^1] == '"' && int.TryParse(value[1..^1], out var version) ? version : null;
    }
}
