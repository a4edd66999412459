using Harmonia.Web.Features.Accounts;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmonia.Web.Features.Organizations;

/// <summary>
/// A refused form of the settings page (ADR 0023). The message, the message per field and what was typed wait on the
/// server for the page, never in the address, marked with the form they came from: the member, top-management and token
/// forms share field names (name, passphrase), so only the form that was sent shows them. A passphrase is never kept.
/// </summary>
internal static class SettingsForms
{
    /// <summary>The member form; also its anchor on the page.</summary>
    public const string Members = "members";

    public const string TopManagement = "top-management";

    public const string Tokens = "tokens";

    /// <summary>The field the settings page reads to know which of its forms a refusal belongs to.</summary>
    public const string FormField = "form";

    /// <summary>Back to the settings page, at the form, with the message and everything typed but the passphrase.</summary>
    public static RedirectHttpResult Refused(HttpContext http, Guid orgId, string formName, IFormCollection form, string message, IReadOnlyDictionary<string, string[]>? fieldErrors)
    {
        var kept = form.Where(f => !FormFlashStore.IsSecret(f.Key) && f.Key != FormField).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        kept[FormField] = formName;
        FormFlashStore.Stage(http, message, null, fieldErrors is { Count: > 0 } ? fieldErrors : null, new FormCollection(kept));
        return TypedResults.Redirect(PageForms.WithError(Links.Settings(orgId), message) + "#" + formName);
    }

    /// <summary>
    /// A sensitive change sent after an old sign-in without the right passphrase: nothing was changed; the form comes
    /// back with what was typed and the passphrase field marked, so the person types only the passphrase and sends again.
    /// </summary>
    public static RedirectHttpResult PassphraseNeeded(HttpContext http, Guid orgId, string formName, IFormCollection form)
    {
        var message = Reauthentication.Refusal(http, form);
        return Refused(http, orgId, formName, form, message, new Dictionary<string, string[]>(StringComparer.Ordinal) { ["passphrase"] = [message] });
    }
}
