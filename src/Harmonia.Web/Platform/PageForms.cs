using Harmonia.App.Common;
using Microsoft.AspNetCore.Antiforgery;

namespace Harmonia.Web.Platform;

/// <summary>Plain HTML form posts from the pages: antiforgery checked, answered by a redirect that carries the outcome.</summary>
internal static class PageForms
{
    /// <summary>
    /// Validates the antiforgery token explicitly (instead of the automatic check), so a missing or stale token gets
    /// a readable answer and a too-large body a message on the page rather than a bare status code.
    /// </summary>
    public static RouteHandlerBuilder ValidateFormAntiforgery(this RouteHandlerBuilder builder) => builder
        .DisableAntiforgery()
        .AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            bool valid;
            try
            {
                valid = await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return Results.Redirect(WithError(http.Request.Headers.Referer.ToString(), "The upload is larger than the server accepts."));
            }

            return valid
                ? await next(context)
                : Results.Problem(statusCode: 400, title: "Form expired", detail: "Reload the page and submit the form again.");
        });

    /// <summary>
    /// Runs a form's work: the address it returns is where the browser goes next; a missing record is a 404; a
    /// mistake the person can fix goes back to <paramref name="page"/> as a message, with nothing changed.
    /// </summary>
    public static async Task<IResult> Outcome(string page, Func<Task<string?>> work)
    {
        try
        {
            return await work() is { } next ? Results.Redirect(next) : Results.NotFound();
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
        catch (Exception ex) when (MessageFor(ex) is { } message)
        {
            return new Refused(page, message, ex switch
            {
                InvalidInputException invalid => invalid.Errors,
                DuplicateException { Field: { } field } => new Dictionary<string, string[]> { [field] = [message] },
                _ => null,
            });
        }
    }

    /// <summary>
    /// A refused form post: back to the page with the message, the message per field and everything typed, all kept
    /// on the server for that one next page (ADR 0023), never in the address.
    /// </summary>
    private sealed class Refused(string page, string message, IReadOnlyDictionary<string, string[]>? fieldErrors) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var form = httpContext.Request.HasFormContentType ? await httpContext.Request.ReadFormAsync() : null;
            FormFlashStore.Stage(httpContext, message, null, fieldErrors is { Count: > 0 } ? fieldErrors : null, form);
            await Results.Redirect(WithError(page, message)).ExecuteAsync(httpContext);
        }
    }

    /// <summary>A delete goes ahead only with its confirmation box ticked (ADR 0023).</summary>
    public static async Task RequireConfirmationAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        if (form is null || form["confirm"].ToString() != "yes")
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["confirm"] = ["Tick the box to confirm the deletion; nothing was deleted."] });
        }
    }

    /// <summary>
    /// The one mapping of the application's errors to the sentence a page shows beside the form; null for anything
    /// else (which stays a server error without internals).
    /// </summary>
    public static string? MessageFor(Exception exception) => exception switch
    {
        NotFoundException or InvalidInputException or VersionConflictException or DuplicateException or LimitReachedException or InputTooLargeException or EvidenceTooLargeException or EvidenceStoreException => exception.Message,
        InvalidDataException => "The form could not be read: " + exception.Message,
        Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => "Someone else changed this record while you were saving; reload the page and apply your change again.",
        _ => null,
    };

    /// <summary>The hidden field of a register's bulk form that carries the list's query (<c>ListViewField.razor</c>).</summary>
    public const string ListViewField = "listQuery";

    /// <summary>
    /// The register <paramref name="list"/> as the form was posted from: its filter, sort, page and columns come back
    /// from the form's hidden query, so a bulk action (refused or done) does not lose the view. Only the query is taken
    /// from the form, the path is the list's own; outcome keys are dropped, and an overlong or unreadable query is ignored.
    /// </summary>
    public static async Task<string> ListViewAsync(HttpRequest request, string list, CancellationToken cancellationToken)
    {
        try
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
            var query = form?[ListViewField].ToString() ?? string.Empty;
            if (query.Length is 0 or > 2_000)
            {
                return list;
            }

            var kept = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)
                .Where(q => q.Key is not ("error" or "saved" or "outcome"))
                .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)));
            return list + QueryString.Create(kept).ToUriComponent();
        }
        catch (InvalidDataException)
        {
            return list;
        }
    }

    /// <summary>
    /// A register's bulk delete: confirmed first, back to the view it was taken from (<see cref="ListViewAsync"/>) with
    /// the sentence <paramref name="delete"/> returns, or with its refusal and nothing deleted.
    /// </summary>
    public static async Task<IResult> BulkDeleteAsync(HttpRequest request, string list, Func<IFormCollection, Task<string>> delete, CancellationToken cancellationToken)
    {
        var view = await ListViewAsync(request, list, cancellationToken);
        return await Outcome(view, async () =>
        {
            await RequireConfirmationAsync(request, cancellationToken);
            return With(view, "saved", await delete(await request.ReadFormAsync(cancellationToken)));
        });
    }

    /// <summary>A local page address with an error message for the page to show.</summary>
    public static string WithError(string page, string message) => With(page, "error", message);

    public static string With(string page, string key, string value)
    {
        var local = Local(page);

        // Other values already on the address (typed input the page puts back) stay; one of the same name is replaced,
        // and an outcome replaces the previous outcome, so a page never says "saved" and "refused" at once.
        // (An outcome put here never reaches the browser: the flash takes it off the redirect, ADR 0023.)
        string[] replaced = key is "error" or "saved" ? ["error", "saved"] : [key];
        var parts = local.Split('?', 2);
        var kept = parts.Length == 2
            ? parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !replaced.Contains(Uri.UnescapeDataString(p.Split('=')[0]), StringComparer.Ordinal))
            : [];
        return $"{parts[0]}?{string.Join('&', kept.Append($"{Uri.EscapeDataString(key)}={Uri.EscapeDataString(value)}"))}";
    }

    private static string Local(string page)
    {
        // Only local addresses: a Referer or field must never turn the redirect into an open redirect.
        // A path is taken as it is: on Linux "/orgs/…" also parses as an absolute file URI, which would escape its query.
        var local = !page.StartsWith('/') && Uri.TryCreate(page, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : page;
        if (!local.StartsWith('/') || local.StartsWith("//", StringComparison.Ordinal) || local.StartsWith("/\\", StringComparison.Ordinal))
        {
            local = "/orgs";
        }

        return local;
    }
}
