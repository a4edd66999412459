using System.Net;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.AuditTrail;

/// <summary>
/// The audit trail page shows the last check of the hash chain while the trail has not grown (walking every event on
/// every visit cost over 100 ms at ten times today's data), says when that check was made, and walks the whole chain
/// again when asked.
/// </summary>
public sealed class AuditTrailPageCheckTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_page_says_when_the_chain_was_checked_and_checks_it_again_when_asked(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = await Accounts.Browser.SignedInAsync(host, "owner@a.example");
        var url = $"/orgs/{host.OrganizationA}/audit-trail";

        var first = WebUtility.HtmlDecode(await owner.GetStringAsync(url));
        Assert.Contains("Hash chain intact", first, StringComparison.Ordinal);
        Assert.Contains("Checked just now", first, StringComparison.Ordinal);

        // An edit behind the application's back does not grow the trail: the next visit shows the check already made,
        // and says when it was made.
        var organization = host.Database.Literal(host.OrganizationA);
        await host.Database.ExecuteRawAsync($"""UPDATE "AuditEvents" SET "Actor" = 'mallory' WHERE "OrganizationId" = {organization} AND "Sequence" = (SELECT MIN("Sequence") FROM "AuditEvents" WHERE "OrganizationId" = {organization})""");
        var again = WebUtility.HtmlDecode(await owner.GetStringAsync(url));
        Assert.Contains("Hash chain intact", again, StringComparison.Ordinal);
        Assert.Contains("Checked at ", again, StringComparison.Ordinal);
        Assert.Contains("?verify=now", again, StringComparison.Ordinal);

        // Asked, the page walks the whole chain and finds the edit; later visits show that finding, not the old one.
        var now = WebUtility.HtmlDecode(await owner.GetStringAsync(url + "?verify=now"));
        Assert.Contains("Hash chain broken: event ", now, StringComparison.Ordinal);
        Assert.Contains("was altered", now, StringComparison.Ordinal);
        Assert.Contains("Checked just now", now, StringComparison.Ordinal);
        Assert.Contains("Hash chain broken: event ", WebUtility.HtmlDecode(await owner.GetStringAsync(url)), StringComparison.Ordinal);
    }
}
