using Harmonia.App.Common;
using Harmonia.App.Content;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.Web.Platform;

/// <summary>RFC 9457 problem details for every error the API returns.</summary>
internal static class Problems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        context.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);

    public static IResult Of(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    public static IResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid input", detail: detail + " Nothing was changed.");

    /// <summary>Maps the application's exceptions to problem details; anything else stays a 500 without internals.</summary>
    internal sealed class ExceptionMapper : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            var problems = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
            ProblemDetails? details = exception switch
            {
                InvalidInputException { Errors.Count: > 0 } invalid => new HttpValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Invalid input",
                    Detail = "Some fields are invalid; nothing was changed.",
                },
                ContentValidationException { Errors.Count: > 1 } content => new HttpValidationProblemDetails(
                    new Dictionary<string, string[]> { ["file"] = content.Errors.Take(200).Select(e => e.ToString()).ToArray() })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Invalid input",
                    Detail = content.Message + " Nothing was changed.",
                },
                InvalidInputException or ContentValidationException => Problem(StatusCodes.Status400BadRequest, "Invalid input", exception.Message + " Nothing was changed."),
                NotFoundException => Problem(StatusCodes.Status404NotFound, "Not found", exception.Message),
                VersionConflictException => Problem(StatusCodes.Status412PreconditionFailed, "Changed by someone else", exception.Message),

                // Two writers passed the If-Match check with the same version; the database's version check let one win.
                DbUpdateConcurrencyException => Problem(StatusCodes.Status412PreconditionFailed, "Changed by someone else", StaleWrite),
                DuplicateException => Problem(StatusCodes.Status409Conflict, "Already exists", exception.Message),
                LimitReachedException => Problem(StatusCodes.Status409Conflict, "Limit reached", exception.Message),
                Harmonia.App.Features.Work.ForbiddenWorkException => Problem(StatusCodes.Status403Forbidden, "Forbidden", exception.Message),
                Harmonia.App.Features.Comments.ForbiddenCommentException => Problem(StatusCodes.Status403Forbidden, "Forbidden", exception.Message),
                InputTooLargeException => Problem(StatusCodes.Status413PayloadTooLarge, "Too large", exception.Message),
                EvidenceTooLargeException => Problem(StatusCodes.Status413PayloadTooLarge, "File too large", exception.Message),
                EvidenceStoreException => Problem(StatusCodes.Status503ServiceUnavailable, "Evidence store failed", exception.Message),
                InvalidDataException => Problem(StatusCodes.Status400BadRequest, "Bad request", "The multipart form could not be read: " + exception.Message),
                BadHttpRequestException bad => Problem(bad.StatusCode, "Bad request", bad.Message),
                _ => null,
            };
            if (details is null)
            {
                return false;
            }

            httpContext.Response.StatusCode = details.Status!.Value;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
        }

        private const string StaleWrite = "The record was changed by someone else while your change was being saved; reload it and apply your change again. Nothing was changed.";

        private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };
    }
}
