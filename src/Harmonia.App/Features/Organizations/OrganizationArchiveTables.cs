using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Catalogs;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Features.Interop;
using Harmonia.App.Features.Jobs;
using Harmonia.App.Features.Pages;
using Harmonia.App.Features.Readiness;
using Harmonia.App.Features.Search;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Harmonia.App.Features.Organizations;

/// <summary>
/// Which tables an organization archive carries (ADR 0035). Every table whose rows carry an organization id travels,
/// unless it is named in <see cref="Withheld"/> with the reason; every other table must be named in
/// <see cref="NotOrganizationData"/>. A test fails for a table in neither list, so a new module cannot drop out silently.
/// </summary>
public static class OrganizationArchiveTables
{
    /// <summary>Organization rows that never leave the server, and why.</summary>
    public static readonly IReadOnlyDictionary<Type, string> Withheld = new Dictionary<Type, string>
    {
        [typeof(PersonalAccessToken)] = "API tokens are secrets of this server; members create new ones.",
        [typeof(PassphraseResetRecord)] = "passphrase reset links are secrets; the Owner issues new ones.",
        [typeof(MemberInvitation)] = "invitation links are secrets; pending invitations are sent again.",
        [typeof(CalendarFeedRecord)] = "calendar feed addresses are secrets; members create new ones.",
        [typeof(SigningKeyRecord)] = "the private signing key is encrypted with this server's keys and is useless elsewhere; a new key is made for the next audit pack.",
        [typeof(PendingImport)] = "a spreadsheet upload waiting for confirmation is not a record yet.",
        [typeof(BackgroundJobRecord)] = "queued work and its short-lived result files belong to this server.",
        [typeof(SearchEntryRecord)] = "the search index is derived; it is rebuilt from the carried audit trail (ADR 0030).",
        [typeof(SearchIndexStateRecord)] = "the search index is derived; it is rebuilt from the carried audit trail (ADR 0030).",
        [typeof(Webhooks.WebhookEndpointRecord)] = "webhook secrets are encrypted with this server's keys, and an address trusted here may not be elsewhere; an Owner registers webhooks again.",
        [typeof(Webhooks.WebhookDeliveryRecord)] = "the delivery log belongs to this server's webhooks.",
        [typeof(Webhooks.WebhookFeedStateRecord)] = "how far this server sent events; derived from the audit trail.",
    };

    /// <summary>Tables that are not an organization's records.</summary>
    public static readonly IReadOnlyDictionary<Type, string> NotOrganizationData = new Dictionary<Type, string>
    {
        [typeof(Organization)] = "written as the archive's organization section.",
        [typeof(HarmoniaUser)] = "accounts are carried only as people (e-mail and name), see ADR 0035.",
        [typeof(IdentityUserClaim<Guid>)] = "account data.",
        [typeof(IdentityUserLogin<Guid>)] = "account data (single sign-on links).",
        [typeof(IdentityUserToken<Guid>)] = "account secrets.",
        [typeof(AccountSecurityEvent)] = "an account's own security log.",
        [typeof(PendingFormOutcome)] = "a browser's unsent form state.",
        [typeof(ContentRelease)] = "shipped content.",
        [typeof(CatalogFramework)] = "shipped content.",
        [typeof(CatalogRequirement)] = "shipped content.",
        [typeof(CatalogMapping)] = "shipped content.",
        [typeof(DataProtectionKey)] = "this server's keys.",
        [typeof(ReleasedEvidenceFile)] = "the file store's retention clock.",
        [typeof(ScheduledJobRunRecord)] = "this server's scheduler.",
    };

    /// <summary>The carried tables, principals before dependents (ties by name), so an import can insert them in this order.</summary>
    public static IReadOnlyList<IEntityType> Carried(IModel model)
    {
        var carried = model.GetEntityTypes()
            .Where(t => typeof(IOrganizationRow).IsAssignableFrom(t.ClrType) && !Withheld.ContainsKey(t.ClrType))
            .OrderBy(t => t.ClrType.Name, StringComparer.Ordinal)
            .ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        while (ordered.Count < carried.Count)
        {
            var next = carried.FirstOrDefault(t => !placed.Contains(t) && t.GetForeignKeys()
                .Select(k => k.PrincipalEntityType)
                .All(p => p == t || placed.Contains(p) || !carried.Contains(p)))
                ?? throw new InvalidOperationException("The organization's tables refer to each other in a cycle; the archive cannot order them.");
            ordered.Add(next);
            placed.Add(next);
        }

        return ordered;
    }

    /// <summary>
    /// Every mapped property, keys first, then by name: the order rows are written in. A key the database counts (the
    /// audit trail's row number) is left out: the target database counts its own, and nothing refers to it (an event is
    /// known by its organization and sequence, which its hash covers).
    /// </summary>
    public static IReadOnlyList<IProperty> Columns(IEntityType table)
    {
        var key = table.FindPrimaryKey()!.Properties;
        return [.. key.Where(p => !Counted(p)), .. table.GetProperties().Where(p => !key.Contains(p)).OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    /// <summary>Whether the database numbers this key itself.</summary>
    public static bool Counted(IProperty property) =>
        property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(long) || property.ClrType == typeof(int));
}
