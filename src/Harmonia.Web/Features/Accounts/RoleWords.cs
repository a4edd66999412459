namespace Harmonia.Web.Features.Accounts;

/// <summary>A role as people say it: the single-word roles read as they are, the external auditor's in two words.</summary>
internal static class RoleWords
{
    public static string Of(string role) => role == nameof(Harmonia.App.Features.Accounts.OrganizationRole.ExternalAuditor) ? "External auditor" : role;
}
