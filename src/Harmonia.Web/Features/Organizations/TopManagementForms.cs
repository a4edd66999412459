using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Organizations;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Organizations;

/// <summary>The settings page's top-management forms: name a person, remove one. Changes need ManageMembers, like members.</summary>
internal static class TopManagementForms
{
    public static void MapTopManagementForms(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/settings/top-management", async (Guid orgId, HttpRequest request, SaveTopManagementMemberHandler save, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var input = new TopManagementMemberInput(FormValues.Text(form, "name"), FormValues.Text(form, "position"), FormValues.Text(form, "memberEmail"));

                try
                {
                    var member = await save.CreateAsync(input, ct);
                    return Results.Redirect($"{Links.Settings(orgId)}?saved={Uri.EscapeDataString($"{member.Name} is named as top management")}");
                }
                catch (Exception ex) when (PageForms.MessageFor(ex) is { } message)
                {
                    // A refused form goes back with what was typed and the message beside its field, kept on the
                    // server for the page (ADR 0023), so nothing has to be entered twice and nothing is in the address.
                    return SettingsForms.Refused(request.HttpContext, orgId, SettingsForms.TopManagement, form, message, (ex as InvalidInputException)?.Errors);
                }
            })
            .RequirePagePermission(Permission.ManageMembers)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/settings/top-management/{topManagementId:guid}/remove", (Guid orgId, Guid topManagementId, HttpRequest request, RemoveTopManagementMemberHandler remove, CancellationToken ct) =>
                PageForms.Outcome(Links.Settings(orgId), async () =>
                {
                    await PageForms.RequireConfirmationAsync(request, ct);
                    await remove.HandleAsync(topManagementId, ct);
                    return $"{Links.Settings(orgId)}?saved={Uri.EscapeDataString("removed from top management")}";
                }))
            .RequirePagePermission(Permission.ManageMembers)
            .ValidateFormAntiforgery();
    }
}
