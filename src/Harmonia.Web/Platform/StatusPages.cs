using System.Net;

namespace Harmonia.Web.Platform;

/// <summary>
/// A page that ends in an empty 4xx/5xx (a foreign id, an ended engagement, a missing record) gets a short page in a
/// person's words, so a browser never shows a blank screen; API clients keep their problem details.
/// </summary>
public static class StatusPages
{
    public static IApplicationBuilder UseStatusPages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var wantsPage = !http.Request.Path.StartsWithSegments("/api")
                && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
            if (!wantsPage)
            {
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } }))
                {
                    http.Response.ContentType = "text/plain; charset=utf-8";
                    await http.Response.WriteAsync($"Status Code: {http.Response.StatusCode}");
                }

                return;
            }

            var (title, text) = http.Response.StatusCode switch
            {
                404 => ("Not found", "There is nothing here that you may open. The record may have been removed, or your access to it has ended."),
                403 => ("Not allowed", "Your role in this organization does not allow this page."),
                _ => ("Something went wrong", "The request could not be completed."),
            };
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(
                $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} — Harmonia</title>" +
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"stylesheet\" href=\"/app.css\"></head>" +
                $"<body><main><h1>{title}</h1><p>{WebUtility.HtmlEncode(text)}</p><p><a href=\"/\">Go to the start page</a></p></main></body></html>");
        });
}
