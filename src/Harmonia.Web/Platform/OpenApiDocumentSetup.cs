using System.Globalization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;

namespace Harmonia.Web.Platform;

/// <summary>
/// What /openapi/v1.json describes: the REST API under /api only (the pages' form posts need a browser session and
/// antiforgery, no generated client can call them), each operation with a stable, unique operationId.
/// </summary>
internal static class OpenApiDocumentSetup
{
    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddOperationTransformer((operation, context, _) =>
        {
            operation.OperationId ??= OperationId(context.Description);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// The HTTP method and the route without "api" and the organization prefix, in camelCase, a parameter as "By" and
    /// its name: POST /api/orgs/{orgId}/controls/{controlId}/evidence/upload is postControlsByControlIdEvidenceUpload,
    /// GET /api/orgs/{orgId} is getOrganization. Method and route are unique, and so is the id.
    /// </summary>
    public static string OperationId(ApiDescription description)
    {
        var segments = (description.RelativePath ?? string.Empty).Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Count > 0 && segments[0] == "api")
        {
            segments.RemoveAt(0);
        }

        if (segments.Count >= 2 && segments[0] == "orgs" && segments[1].StartsWith("{orgId", StringComparison.Ordinal))
        {
            segments.RemoveRange(0, 2);
            if (segments.Count == 0)
            {
                segments.Add("organization");
            }
        }

        var name = new System.Text.StringBuilder((description.HttpMethod ?? "any").ToLowerInvariant());
        foreach (var segment in segments)
        {
            if (segment.StartsWith('{'))
            {
                name.Append("By").Append(Pascal(segment.Trim('{', '}').Split(':')[0].TrimEnd('?')));
            }
            else
            {
                name.Append(Pascal(segment));
            }
        }

        return name.ToString();
    }

    private static string Pascal(string text) => string.Concat(
        text.Split(['-', '.', '_'], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));
}
