using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Comments;
using Harmonia.Web.Components.Shared;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Comments;

/// <summary>Comment threads on records: the API under /api/orgs/{orgId}/comments and the record pages' form posts.</summary>
public static class CommentsModule
{
    public static void MapComments(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/comments").WithTags("Comments");
        group.MapGet("/", async (string? recordType, string? recordId, ListCommentsHandler handler, CancellationToken ct) =>
                string.IsNullOrEmpty(recordType) && string.IsNullOrEmpty(recordId)
                    ? Results.Ok(await handler.RecentAsync(ct))
                    : Results.Ok(await handler.HandleAsync(recordType, RecordId(recordId), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The thread of one record, oldest first: recordType = control|risk|ai-system|document|nonconformity|audit|supplier|evidence, recordId. Deleted comments keep their place without their text. Without both: the organization's 50 latest comments, newest first.");

        group.MapPost("/", async (Guid orgId, CommentInput input, AddCommentHandler handler, HttpContext http, CancellationToken ct) =>
            {
                var comment = await handler.HandleAsync(CurrentUser.Id(http), Author(http), input, ct);
                return TypedResults.Created($"/api/orgs/{orgId}/comments/{comment.Id}", comment);
            })
            .RequirePermission(Permission.Read)
            .WithSummary("Comment on a record: recordType, recordId, body (1-5000 characters). @name or @e-mail mentions a member, who is notified; a mention that names no member is refused.");

        group.MapPut("/{commentId:guid}", (Guid commentId, CommentEdit input, EditCommentHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.HandleAsync(commentId, version, CurrentUser.Id(http), input, ct), c => c.Version))
            .RequirePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Change one's own comment (If-Match with its version); the earlier text stays in the audit trail; newly mentioned members are notified.");

        group.MapDelete("/{commentId:guid}", async (Guid commentId, DeleteCommentHandler handler, HttpContext http, CancellationToken ct) =>
            {
                await handler.HandleAsync(commentId, CurrentUser.Id(http), Moderates(http), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Delete a comment: its author, or an Owner or Manager. It stays in the thread as deleted; the audit trail keeps its text.");

        app.MapPost("/orgs/{orgId:guid}/comments/add", async (Guid orgId, HttpRequest request, AddCommentHandler handler, HttpContext http, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var back = ReturnTo(orgId, FormValues.Text(form, "returnTo"));
                return await PageForms.Outcome(back, async () =>
                {
                    await handler.HandleAsync(CurrentUser.Id(http), Author(http), new CommentInput(FormValues.Text(form, "recordType"), RecordId(FormValues.Text(form, "recordId")), FormValues.Text(form, "body")), ct);
                    return $"{back}?saved={Uri.EscapeDataString("your comment is added")}#comments";
                });
            })
            .RequirePagePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/comments/{commentId:guid}/edit", async (Guid orgId, Guid commentId, HttpRequest request, EditCommentHandler handler, HttpContext http, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var back = ReturnTo(orgId, FormValues.Text(form, "returnTo"));
                return await PageForms.Outcome(back, async () =>
                {
                    await handler.HandleAsync(commentId, FormValues.Number(FormValues.Text(form, "version")), CurrentUser.Id(http), new CommentEdit(FormValues.Text(form, "body")), ct);
                    return $"{back}?saved={Uri.EscapeDataString("your comment is changed")}#comment-{commentId}";
                });
            })
            .RequirePagePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/comments/{commentId:guid}/delete", async (Guid orgId, Guid commentId, HttpRequest request, DeleteCommentHandler handler, HttpContext http, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var back = ReturnTo(orgId, FormValues.Text(form, "returnTo"));
                return await PageForms.Outcome(back, async () =>
                {
                    await PageForms.RequireConfirmationAsync(request, ct);
                    await handler.HandleAsync(commentId, CurrentUser.Id(http), Moderates(http), ct);
                    return $"{back}?saved={Uri.EscapeDataString("the comment is deleted")}#comments";
                });
            })
            .RequirePagePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();
    }

    private static string Author(HttpContext http) => http.User.Identity?.Name ?? CurrentUser.Id(http).ToString();

    private static bool Moderates(HttpContext http) => http.Items[typeof(OrganizationRole)] is OrganizationRole role && role is OrganizationRole.Owner or OrganizationRole.Manager;

    private static Guid RecordId(string? text) => Guid.TryParse(text, out var id)
        ? id
        : throw new InvalidInputException(new Dictionary<string, string[]> { ["recordId"] = ["recordId is the id of the record the thread belongs to."] });

    // Back to the record page the form was on, and only to a page of this organization (never another site).
    private static string ReturnTo(Guid orgId, string? path)
    {
        var own = Links.Organization(orgId);
        return path is not null && path.StartsWith(own + "/", StringComparison.Ordinal) && !path.Contains("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal)
            && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-')
            ? path
            : own;
    }
}
