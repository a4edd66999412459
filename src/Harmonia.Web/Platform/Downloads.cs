using Harmonia.App.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmonia.Web.Platform;

/// <summary>The one way a generated or stored file is sent, by the API and by the pages alike.</summary>
public static class Downloads
{
    public static FileContentHttpResult File(GeneratedFile file) => TypedResults.File(file.Content, file.ContentType, file.FileName);

    /// <summary>
    /// A stored file: a 302 to the store's short-lived address when it gives one (nobody may cache that answer: the
    /// address expires and the next request checks the person's rights again), else the content streamed.
    /// </summary>
    /// <param name="withEntityTag">The SHA-256 as the ETag, as the API has always sent it.</param>
    public static IResult Stored(StoredDownload download, bool withEntityTag = false) => download.Address is { } address
        ? new PresignedRedirect(address)
        : Results.Stream(
            download.Content!,
            download.ContentType,
            download.FileName,
            entityTag: withEntityTag ? new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{download.Sha256}\"") : null);

    private sealed class PresignedRedirect(Uri address) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status302Found;
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.Headers.Location = address.AbsoluteUri;
            return Task.CompletedTask;
        }
    }
}
