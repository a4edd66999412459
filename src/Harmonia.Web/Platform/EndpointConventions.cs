using Harmonia.App.Features.Accounts;
using Microsoft.AspNetCore.Http.Metadata;

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
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(OrganizationPermissionRequirement.PolicyName(permission)).WithMetadata(new PermissionMetadata(permission));
        builder.Add(endpoint => DeclareProblems(endpoint.Metadata));
        return builder;
    }

    /// <summary>
    /// The problem details every organization endpoint may answer, declared once so the OpenAPI document lists them:
    /// 400 (invalid input), 401/403 (no or not enough access), 404 (no such record, or another organization's), and for
    /// writes 409 (duplicate), 412 and 428 (If-Match: changed meanwhile or missing).
    /// </summary>
    private static void DeclareProblems(IList<object> metadata)
    {
        var write = metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).Any(m => m is not ("GET" or "HEAD"));
        int[] statuses = write
            ? [StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired]
            : [StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound];
        foreach (var status in statuses.Where(s => !metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == s)))
        {
            metadata.Add(new ProducesResponseTypeMetadata(status, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        }
    }

    /// <summary>
    /// A versioned replace: If-Match must name the version read (428 without it; the handler throws 412 when it is
    /// stale), and the answer carries the new version as its ETag.
    /// </summary>
    public static async Task<IResult> VersionedUpdateAsync<T>(HttpContext http, Func<int, Task<T>> update, Func<T, int> versionOf)
    {
        if (IfMatchVersion(http.Request) is not { } version)
        {
            return IfMatchRequired();
        }

        var updated = await update(version);
        http.Response.Headers.ETag = ETag(versionOf(updated));
        return TypedResults.Ok(updated);
    }

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
