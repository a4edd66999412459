using System.Net;
using System.Text.RegularExpressions;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Accounts;

/// <summary>
/// Issue 20, item 5: sign-in and sign-up do not tell which addresses have accounts, neither by their answer nor by the
/// work they do. Time is never measured (that belongs to benchmarks): the tests count the passphrase hashing through
/// a wrapped hasher and compare the answers.
/// </summary>
public sealed partial class ConstantAnswerTests
{
    private static readonly Dictionary<string, string> OpenSignUp = new() { ["Accounts:AllowSignUp"] = "true" };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sign_in_hashes_the_passphrase_for_unknown_locked_and_disabled_accounts_too(DatabaseProvider provider)
    {
        var hasher = new CountingHasher();
        await using var host = await ApiHost.StartAsync(provider, services: s => s.AddSingleton<IPasswordHasher<HarmoniaUser>>(hasher));
        await host.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<HarmoniaUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("auditor@a.example"))!, DateTimeOffset.UtcNow.AddHours(1));
            var disabled = (await users.FindByEmailAsync("contributor@a.example"))!;
            disabled.DisabledUtc = DateTime.UtcNow;
            return await users.UpdateAsync(disabled);
        });

        var answers = new List<string>();
        foreach (var email in new[] { "viewer@a.example", "nobody@nowhere.example", "auditor@a.example", "contributor@a.example" })
        {
            using var browser = new Browser(host.RawClient());
            var before = hasher.Verified;
            using var response = await browser.SignInAsync(email, "not the passphrase at all");
            Assert.True(hasher.Verified == before + 1, $"signing in as {email} verified {hasher.Verified - before} hashes");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(ErrorOf(await response.Content.ReadAsStringAsync()));
        }

        Assert.Single(answers.Distinct(StringComparer.Ordinal));
        Assert.StartsWith("Sign-in failed.", answers[0], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sign_up_answers_alike_for_a_new_and_an_existing_address(DatabaseProvider provider)
    {
        var hasher = new CountingHasher();
        await using var host = await ApiHost.StartAsync(provider, OpenSignUp, services: s => s.AddSingleton<IPasswordHasher<HarmoniaUser>>(hasher));
        var viewerId = host.UsersA[OrganizationRole.Viewer];

        var answers = new List<(HttpStatusCode Status, string? Location, bool Session)>();
        foreach (var email in new[] { "viewer@a.example", "brand-new@example.org" })
        {
            using var browser = new Browser(host.RawClient());
            var before = hasher.Hashed;
            using var response = await browser.PostPageFormAsync("/signup", "signup", Fields(email, "a fresh passphrase of mine"));
            Assert.True(hasher.Hashed == before + 1, $"signing up as {email} hashed {hasher.Hashed - before} passphrases");
            answers.Add((response.StatusCode, response.Headers.Location?.PathAndQuery, browser.Cookies.ContainsKey(Browser.SessionCookie)));
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.Equal((HttpStatusCode.Redirect, "/signin?signedUp=1", false), answers[0]);

        // The existing account is untouched, and its holder finds the attempt in the security log.
        using (var holder = await Browser.SignedInAsync(host, "viewer@a.example"))
        {
            Assert.Contains(SecurityEventKinds.SignUpForExistingAccount, await SessionTests.SecurityKindsAsync(host, viewerId));
        }

        using (var newcomer = await Browser.SignedInAsync(host, "brand-new@example.org", "a fresh passphrase of mine"))
        {
            var id = await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().Users.Where(u => u.Email == "brand-new@example.org").Select(u => u.Id).SingleAsync());
            Assert.Contains(SecurityEventKinds.AccountCreated, await SessionTests.SecurityKindsAsync(host, id));
        }

        using var anonymous = new Browser(host.RawClient());
        Assert.Contains("Sign-up received.", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/signin?signedUp=1")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_weak_passphrase_is_refused_alike_for_a_new_and_an_existing_address(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider, OpenSignUp);
        var answers = new List<(HttpStatusCode, string)>();
        foreach (var email in new[] { "viewer@a.example", "brand-new@example.org" })
        {
            using var browser = new Browser(host.RawClient());

            // Twelve characters but only two distinct ones: the length check of the form passes, the policy does not.
            using var response = await browser.PostPageFormAsync("/signup", "signup", Fields(email, "abababababab"));
            answers.Add((response.StatusCode, ErrorOf(await response.Content.ReadAsStringAsync())));
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(HttpStatusCode.OK, answers[0].Item1);
        Assert.Contains("different characters", answers[0].Item2, StringComparison.Ordinal);
        Assert.False(await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().Users.AnyAsync(u => u.NormalizedEmail == "BRAND-NEW@EXAMPLE.ORG")));
    }

    private static Dictionary<string, string> Fields(string email, string passphrase) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = passphrase,
        ["Input.Confirm"] = passphrase,
    };

    private static string ErrorOf(string html) => WebUtility.HtmlDecode(ErrorPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("<p class=\"error\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex ErrorPattern();

    /// <summary>The application's own hasher, counting its work: the test seam for "the same hashing happens".</summary>
    private sealed class CountingHasher : IPasswordHasher<HarmoniaUser>
    {
        private readonly PasswordHasher<HarmoniaUser> _inner = new();
        private int _hashed;
        private int _verified;

        public int Hashed => Volatile.Read(ref _hashed);

        public int Verified => Volatile.Read(ref _verified);

        public string HashPassword(HarmoniaUser user, string password)
        {
            Interlocked.Increment(ref _hashed);
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(HarmoniaUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
