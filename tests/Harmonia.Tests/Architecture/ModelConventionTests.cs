using System.Text.RegularExpressions;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.Tests.Architecture;

/// <summary>The tenant rules hold for every entity by construction, and only known places may step around them.</summary>
public sealed partial class ModelConventionTests
{
    /// <summary>
    /// The only files that may read across organizations, each for a reason: finding a token or a membership before
    /// any organization is known, listing the organizations an account belongs to, verifying or extending an
    /// organization's chain by its id; counting an account's organizations (the creation limit), checking that an
    /// account belongs to no other organization before an Owner disables it, finding a reset link by its hash. A new
    /// entry needs the same kind of reason.
    /// </summary>
    private static readonly string[] MayIgnoreTenantFilter =
    [
        "src/Harmonia.App/Features/Accounts/AccessTokens.cs",

        // Invitations are found by the invitee, who belongs to none of the inviting organizations yet.
        "src/Harmonia.App/Features/Accounts/AnswerInvitation.cs",
        "src/Harmonia.App/Features/Accounts/CreateOrganization.cs",
        "src/Harmonia.App/Features/Accounts/DisableAccount.cs",
        "src/Harmonia.App/Features/Accounts/ListMyInvitations.cs",
        "src/Harmonia.App/Features/Accounts/ListMyOrganizations.cs",
        "src/Harmonia.App/Features/Accounts/PassphraseReset.cs",
        "src/Harmonia.App/Features/AuditTrail/VerifyAuditTrail.cs",

        // Reads the file hashes every organization's rows name, so no organization's file is swept as an orphan.
        "src/Harmonia.App/Features/Evidence/SweepOrphanFiles.cs",
        "src/Harmonia.App/Features/Jobs/RunBackgroundJobs.cs",

        // Uploads waiting for their import preview expire after a day in every organization, swept by whoever uploads next.
        "src/Harmonia.App/Features/Interop/PendingImports.cs",
        "src/Harmonia.App/Features/Organizations/ListOrganizations.cs",

        // The webhook worker serves every organization: it lists those with a webhook switched on, then works in each one's
        // scope; sending claims due messages of any organization and reads each one's address by the message's own id.
        "src/Harmonia.App/Features/Webhooks/DeliverWebhooks.cs",
        "src/Harmonia.App/Features/Webhooks/RunWebhookRound.cs",

        // A calendar application presents only the feed secret; the stored feed names the organization.
        "src/Harmonia.App/Features/Work/ReadCalendarFeed.cs",
        // A supplier's questionnaire link is found by its hash before its organization is known, as an invitation is.
        "src/Harmonia.App/Features/Suppliers/AnswerSupplierQuestionnaire.cs",
        "src/Harmonia.App/Persistence/AuditTrailWriter.cs",

        // The change token names its organization itself: the caller's tenant may not be entered yet, or be another's.
        "src/Harmonia.App/Persistence/HarmoniaDbContext.ChangeToken.cs",
        "src/Harmonia.Web/Platform/OrganizationAuthorization.cs",

        // The start-up warm-up picks the organization that changed last (one id, read-only) before any request names one.
        "src/Harmonia.Web/Platform/StartupWarmUp.cs",
    ];

    [Fact]
    public void Every_organization_row_has_the_tenant_filter_and_every_record_its_organization_key()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var rows = db.Model.GetEntityTypes().Where(t => t.ClrType.GetProperty(nameof(IOrganizationRow.OrganizationId)) is not null).ToList();
        Assert.True(rows.Count >= 30, $"expected the organization's rows, found {rows.Count}");

        foreach (var entity in rows)
        {
            Assert.True(typeof(IOrganizationRow).IsAssignableFrom(entity.ClrType), $"{entity.ClrType.Name} has an OrganizationId but is not an IOrganizationRow, so nothing filters it");
            var filter = entity.FindDeclaredQueryFilter(HarmoniaDbContext.TenantFilter);
            Assert.True(filter?.Expression is not null, $"{entity.ClrType.Name} has no tenant filter");
            Assert.Contains(nameof(HarmoniaDbContext.TenantId), filter!.Expression!.ToString(), StringComparison.Ordinal);

            var organizationKey = entity.GetForeignKeys().Any(k => k.PrincipalEntityType.ClrType == typeof(Organization)
                && k.Properties.Single().Name == nameof(IOrganizationRow.OrganizationId) && k.DeleteBehavior == DeleteBehavior.Restrict);
            if (typeof(IOrganizationScoped).IsAssignableFrom(entity.ClrType))
            {
                Assert.True(organizationKey, $"{entity.ClrType.Name} has no foreign key to its organization");
            }
        }
    }

    [Fact]
    public void The_tenant_filter_hides_other_organizations_rows_of_every_entity()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        foreach (var entity in db.Model.GetEntityTypes().Where(t => typeof(IOrganizationRow).IsAssignableFrom(t.ClrType)))
        {
            var sql = ((IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                .MakeGenericMethod(entity.ClrType).Invoke(db, null)!).ToQueryString();
            Assert.Contains("\"OrganizationId\" = @", sql, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Only_the_allow_listed_files_ignore_the_tenant_filter()
    {
        var found = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => IgnoreQueryFilters().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(MayIgnoreTenantFilter.Order(StringComparer.Ordinal), found);
    }

    [GeneratedRegex(@"\.IgnoreQueryFilters\s*\(")]
    private static partial Regex IgnoreQueryFilters();
}
